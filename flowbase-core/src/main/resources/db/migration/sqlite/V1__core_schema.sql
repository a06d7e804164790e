-- =====================================================================================
-- Flowbase core schema, version 1 -- SQLite 3.40+ (the embedded default)
-- =====================================================================================
-- Creates the 18 Flowbase tables and one updated_at trigger per editable table:
--
--   organizations, users, api_keys,
--   agent_roles, agent_role_versions, agent_role_dependencies,
--   workflows, workflow_versions, tasks, task_dependencies,
--   workflow_executions, task_executions,
--   logs, audit_log, configurations, components, system_metrics, seed_runs
--
-- flowbase_schema_history is NOT created here: the migration engine owns it.
-- U1__core_schema.sql undoes this file. The list of engine-only differences is at the top
-- of postgresql/V1__core_schema.sql; docs/schema-design.md explains every table.
--
-- Engine choices (SQLite)
--   tables     plain (not STRICT) tables; CHECK constraints carry the typing rules.
--   ids        TEXT holding a lower-case canonical UUID (8-4-4-4-12). ck_<table>_id
--              checks the shape: the GLOB pins the length (36) and the dashes, the
--              replace() tests allow only lower-case hex elsewhere. The application
--              normally supplies ids; the DEFAULT makes a random version-4 UUID from
--              randomblob() for rows inserted without one. Foreign-key columns are not
--              re-checked: they can only hold ids that passed the check in their table.
--   JSON       TEXT with CHECK (json_valid(col)); nullable JSON columns use
--              CHECK (col IS NULL OR json_valid(col)) because json_valid(NULL) is 0, not NULL.
--   times      TEXT, ISO-8601 UTC, 'YYYY-MM-DDTHH:MM:SS.SSSZ' (millisecond precision),
--              DEFAULT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'). Comparisons and ORDER BY are
--              textual, so writers must use exactly this format (always three fraction
--              digits, always 'Z') for times to sort correctly.
--   booleans   INTEGER with CHECK (col IN (0, 1)).
--   updated_at an AFTER UPDATE trigger per table: when the statement did not change
--              updated_at (WHEN NEW.updated_at IS OLD.updated_at) it sets it to now; the
--              guard also stops the trigger from re-firing on its own UPDATE.
--   lock_version  optimistic-lock counter (integer, starts at 1) on workflows, tasks,
--              agent_roles, configurations, components; the application increments it.
--              It is NOT workflows.version (the latest published version number).
--   foreign keys  enforced only with PRAGMA foreign_keys = ON, which Flowbase sets on
--              every connection (SqliteDialect).
--   indexes    same names and columns as PostgreSQL and MariaDB; only
--              uq_configurations_global_key is partial (WHERE organization_id IS NULL),
--              as on PostgreSQL. Unique rules are CREATE UNIQUE INDEX statements (not
--              table constraints) so that their names survive.
--   lower()    ASCII-only in SQLite: ck_users_email and ck_organizations_slug do not
--              catch upper-case non-ASCII letters (the data layer lower-cases anyway).
-- =====================================================================================


-- -------------------------------------------------------------------------------------
-- organizations: the tenant. Everything org-owned references it.
-- -------------------------------------------------------------------------------------
CREATE TABLE organizations (
    id           TEXT    NOT NULL DEFAULT (lower(
        hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
        substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
    name         TEXT    NOT NULL,
    slug         TEXT    NOT NULL,
    status       TEXT    NOT NULL DEFAULT 'active',
    settings     TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(settings)),
    created_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT pk_organizations        PRIMARY KEY (id),
    CONSTRAINT ck_organizations_id CHECK (id GLOB '????????-????-????-????-????????????'
                                          AND length(replace(id, '-', '')) = 32
                                          AND replace(id, '-', '') NOT GLOB '*[^0-9a-f]*'),
    CONSTRAINT ck_organizations_status CHECK (status IN ('active', 'suspended')),
    CONSTRAINT ck_organizations_slug   CHECK (slug <> '' AND slug = lower(slug))
);

CREATE UNIQUE INDEX uq_organizations_slug ON organizations (slug);


-- -------------------------------------------------------------------------------------
-- users: people of an organization. access_role is an ACCESS role (admin/operator/
-- viewer), never an agent role. Emails are stored lower-case.
-- -------------------------------------------------------------------------------------
CREATE TABLE users (
    id              TEXT    NOT NULL DEFAULT (lower(
        hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
        substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
    organization_id TEXT    NOT NULL,
    email           TEXT    NOT NULL,
    name            TEXT,
    access_role     TEXT    NOT NULL DEFAULT 'viewer',
    status          TEXT    NOT NULL DEFAULT 'active',
    created_at      TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at      TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT pk_users              PRIMARY KEY (id),
    CONSTRAINT ck_users_id CHECK (id GLOB '????????-????-????-????-????????????'
                                  AND length(replace(id, '-', '')) = 32
                                  AND replace(id, '-', '') NOT GLOB '*[^0-9a-f]*'),
    CONSTRAINT fk_users_organization FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE CASCADE,
    CONSTRAINT ck_users_email        CHECK (email = lower(email) AND email LIKE '%_@_%'),
    CONSTRAINT ck_users_access_role  CHECK (access_role IN ('admin', 'operator', 'viewer')),
    CONSTRAINT ck_users_status       CHECK (status IN ('invited', 'active', 'disabled'))
);

CREATE UNIQUE INDEX uq_users_organization_email ON users (organization_id, email);


-- -------------------------------------------------------------------------------------
-- api_keys: only a hash of the key is stored, never the key.
-- -------------------------------------------------------------------------------------
CREATE TABLE api_keys (
    id              TEXT    NOT NULL DEFAULT (lower(
        hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
        substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
    organization_id TEXT    NOT NULL,
    name            TEXT    NOT NULL,
    key_hash        TEXT    NOT NULL,
    key_prefix      TEXT    NOT NULL,
    access_role     TEXT    NOT NULL DEFAULT 'viewer',
    scopes          TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(scopes)),
    created_by      TEXT,
    last_used_at    TEXT,
    expires_at      TEXT,
    revoked_at      TEXT,
    created_at      TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at      TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT pk_api_keys              PRIMARY KEY (id),
    CONSTRAINT ck_api_keys_id CHECK (id GLOB '????????-????-????-????-????????????'
                                     AND length(replace(id, '-', '')) = 32
                                     AND replace(id, '-', '') NOT GLOB '*[^0-9a-f]*'),
    CONSTRAINT fk_api_keys_organization FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE CASCADE,
    CONSTRAINT fk_api_keys_created_by   FOREIGN KEY (created_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT ck_api_keys_key_hash     CHECK (key_hash <> ''),
    CONSTRAINT ck_api_keys_key_prefix   CHECK (key_prefix <> ''),
    CONSTRAINT ck_api_keys_access_role  CHECK (access_role IN ('admin', 'operator', 'viewer')),
    CONSTRAINT ck_api_keys_scopes       CHECK (json_valid(scopes) AND json_type(scopes) = 'array')
);

CREATE UNIQUE INDEX uq_api_keys_key_hash      ON api_keys (key_hash);
CREATE        INDEX idx_api_keys_organization ON api_keys (organization_id);
CREATE        INDEX idx_api_keys_created_by   ON api_keys (created_by);


-- -------------------------------------------------------------------------------------
-- agent_roles: AI agent role definitions; current_version NULL until first published.
-- -------------------------------------------------------------------------------------
CREATE TABLE agent_roles (
    id              TEXT    NOT NULL DEFAULT (lower(
        hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
        substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
    organization_id TEXT    NOT NULL,
    name            TEXT    NOT NULL,
    description     TEXT,
    system_prompt   TEXT    NOT NULL,
    model           TEXT,
    tools           TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(tools)),
    parameters      TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(parameters)),
    metadata        TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(metadata)),
    status          TEXT    NOT NULL DEFAULT 'draft',
    current_version INTEGER,
    created_by      TEXT,
    lock_version    INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at      TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT pk_agent_roles                 PRIMARY KEY (id),
    CONSTRAINT ck_agent_roles_id CHECK (id GLOB '????????-????-????-????-????????????'
                                        AND length(replace(id, '-', '')) = 32
                                        AND replace(id, '-', '') NOT GLOB '*[^0-9a-f]*'),
    CONSTRAINT fk_agent_roles_organization    FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE CASCADE,
    CONSTRAINT fk_agent_roles_created_by      FOREIGN KEY (created_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT ck_agent_roles_name            CHECK (name <> ''),
    CONSTRAINT ck_agent_roles_status          CHECK (status IN ('draft', 'active', 'deprecated', 'archived')),
    CONSTRAINT ck_agent_roles_tools           CHECK (json_valid(tools) AND json_type(tools) = 'array'),
    CONSTRAINT ck_agent_roles_current_version CHECK (current_version IS NULL OR current_version >= 1),
    CONSTRAINT ck_agent_roles_lock_version    CHECK (lock_version >= 1)
);

CREATE UNIQUE INDEX uq_agent_roles_organization_name    ON agent_roles (organization_id, name);
CREATE        INDEX idx_agent_roles_organization_status ON agent_roles (organization_id, status);
CREATE        INDEX idx_agent_roles_created_by          ON agent_roles (created_by);


-- -------------------------------------------------------------------------------------
-- agent_role_versions: immutable snapshot per published version of a role.
-- -------------------------------------------------------------------------------------
CREATE TABLE agent_role_versions (
    id            TEXT    NOT NULL DEFAULT (lower(
        hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
        substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
    agent_role_id TEXT    NOT NULL,
    version       INTEGER NOT NULL,
    system_prompt TEXT    NOT NULL,
    model         TEXT,
    tools         TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(tools)),
    parameters    TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(parameters)),
    change_note   TEXT,
    created_by    TEXT,
    created_at    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT pk_agent_role_versions            PRIMARY KEY (id),
    CONSTRAINT ck_agent_role_versions_id CHECK (id GLOB '????????-????-????-????-????????????'
                                                AND length(replace(id, '-', '')) = 32
                                                AND replace(id, '-', '') NOT GLOB '*[^0-9a-f]*'),
    CONSTRAINT fk_agent_role_versions_agent_role FOREIGN KEY (agent_role_id)
        REFERENCES agent_roles (id) ON DELETE CASCADE,
    CONSTRAINT fk_agent_role_versions_created_by FOREIGN KEY (created_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT ck_agent_role_versions_version    CHECK (version >= 1),
    CONSTRAINT ck_agent_role_versions_tools      CHECK (json_valid(tools) AND json_type(tools) = 'array')
);

CREATE UNIQUE INDEX uq_agent_role_versions_agent_role_version ON agent_role_versions (agent_role_id, version);
CREATE        INDEX idx_agent_role_versions_created_by        ON agent_role_versions (created_by);


-- -------------------------------------------------------------------------------------
-- agent_role_dependencies: role agent_role_id depends on depends_on_agent_role_id.
-- Both sides CASCADE (a RESTRICT would make organization deletes fail depending on
-- cascade order); "do not delete a role others depend on" is a data-layer check.
-- -------------------------------------------------------------------------------------
CREATE TABLE agent_role_dependencies (
    id                       TEXT NOT NULL DEFAULT (lower(
        hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
        substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
    agent_role_id            TEXT NOT NULL,
    depends_on_agent_role_id TEXT NOT NULL,
    created_at               TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT pk_agent_role_dependencies            PRIMARY KEY (id),
    CONSTRAINT ck_agent_role_dependencies_id CHECK (id GLOB '????????-????-????-????-????????????'
                                                    AND length(replace(id, '-', '')) = 32
                                                    AND replace(id, '-', '') NOT GLOB '*[^0-9a-f]*'),
    CONSTRAINT fk_agent_role_dependencies_agent_role FOREIGN KEY (agent_role_id)
        REFERENCES agent_roles (id) ON DELETE CASCADE,
    CONSTRAINT fk_agent_role_dependencies_depends_on FOREIGN KEY (depends_on_agent_role_id)
        REFERENCES agent_roles (id) ON DELETE CASCADE,
    CONSTRAINT ck_agent_role_dependencies_not_self   CHECK (agent_role_id <> depends_on_agent_role_id)
);

CREATE UNIQUE INDEX uq_agent_role_dependencies_pair        ON agent_role_dependencies (agent_role_id, depends_on_agent_role_id);
CREATE        INDEX idx_agent_role_dependencies_depends_on ON agent_role_dependencies (depends_on_agent_role_id);


-- -------------------------------------------------------------------------------------
-- workflows: workflow definitions; version = latest published version number.
-- -------------------------------------------------------------------------------------
CREATE TABLE workflows (
    id                    TEXT    NOT NULL DEFAULT (lower(
        hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
        substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
    organization_id       TEXT    NOT NULL,
    name                  TEXT    NOT NULL,
    description           TEXT,
    type                  TEXT    NOT NULL DEFAULT 'general',
    status                TEXT    NOT NULL DEFAULT 'draft',
    priority              INTEGER NOT NULL DEFAULT 0,
    definition            TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(definition)),
    configuration         TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(configuration)),
    environment_variables TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(environment_variables)),
    tags                  TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
    version               INTEGER,
    metadata              TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(metadata)),
    created_by            TEXT,
    parent_workflow_id    TEXT,
    scheduled_at          TEXT,
    started_at            TEXT,
    completed_at          TEXT,
    timeout_seconds       INTEGER,
    lock_version          INTEGER NOT NULL DEFAULT 1,
    created_at            TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at            TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT pk_workflows                 PRIMARY KEY (id),
    CONSTRAINT ck_workflows_id CHECK (id GLOB '????????-????-????-????-????????????'
                                      AND length(replace(id, '-', '')) = 32
                                      AND replace(id, '-', '') NOT GLOB '*[^0-9a-f]*'),
    CONSTRAINT fk_workflows_organization    FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE CASCADE,
    CONSTRAINT fk_workflows_created_by      FOREIGN KEY (created_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT fk_workflows_parent_workflow FOREIGN KEY (parent_workflow_id)
        REFERENCES workflows (id) ON DELETE SET NULL,
    CONSTRAINT ck_workflows_name            CHECK (name <> ''),
    CONSTRAINT ck_workflows_type            CHECK (type <> ''),
    CONSTRAINT ck_workflows_status          CHECK (status IN ('draft', 'active', 'paused', 'archived')),
    CONSTRAINT ck_workflows_tags            CHECK (json_valid(tags) AND json_type(tags) = 'array'),
    CONSTRAINT ck_workflows_version         CHECK (version IS NULL OR version >= 1),
    CONSTRAINT ck_workflows_timeout_seconds CHECK (timeout_seconds IS NULL OR timeout_seconds > 0),
    CONSTRAINT ck_workflows_lock_version    CHECK (lock_version >= 1)
);

CREATE INDEX idx_workflows_status_created_at              ON workflows (status, created_at);
CREATE INDEX idx_workflows_organization_status_created_at ON workflows (organization_id, status, created_at);
CREATE INDEX idx_workflows_organization_name              ON workflows (organization_id, name);
CREATE INDEX idx_workflows_status_scheduled_at            ON workflows (status, scheduled_at);
CREATE INDEX idx_workflows_created_by                     ON workflows (created_by);
CREATE INDEX idx_workflows_parent_workflow                ON workflows (parent_workflow_id);


-- -------------------------------------------------------------------------------------
-- workflow_versions: full history, one immutable row per published version.
-- -------------------------------------------------------------------------------------
CREATE TABLE workflow_versions (
    id            TEXT    NOT NULL DEFAULT (lower(
        hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
        substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
    workflow_id   TEXT    NOT NULL,
    version       INTEGER NOT NULL,
    definition    TEXT    NOT NULL CHECK (json_valid(definition)),
    configuration TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(configuration)),
    change_note   TEXT,
    created_by    TEXT,
    created_at    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT pk_workflow_versions            PRIMARY KEY (id),
    CONSTRAINT ck_workflow_versions_id CHECK (id GLOB '????????-????-????-????-????????????'
                                              AND length(replace(id, '-', '')) = 32
                                              AND replace(id, '-', '') NOT GLOB '*[^0-9a-f]*'),
    CONSTRAINT fk_workflow_versions_workflow   FOREIGN KEY (workflow_id)
        REFERENCES workflows (id) ON DELETE CASCADE,
    CONSTRAINT fk_workflow_versions_created_by FOREIGN KEY (created_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT ck_workflow_versions_version    CHECK (version >= 1)
);

CREATE UNIQUE INDEX uq_workflow_versions_workflow_version ON workflow_versions (workflow_id, version);
CREATE        INDEX idx_workflow_versions_created_by      ON workflow_versions (created_by);


-- -------------------------------------------------------------------------------------
-- workflow_executions: one row per run (attempt) of a workflow. workflow_version is the
-- published version number that ran (NULL = the draft), deliberately not a foreign key.
-- -------------------------------------------------------------------------------------
CREATE TABLE workflow_executions (
    id               TEXT    NOT NULL DEFAULT (lower(
        hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
        substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
    organization_id  TEXT    NOT NULL,
    workflow_id      TEXT    NOT NULL,
    workflow_version INTEGER,
    attempt          INTEGER NOT NULL DEFAULT 1,
    status           TEXT    NOT NULL DEFAULT 'queued',
    worker           TEXT,
    triggered_by     TEXT,
    input            TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(input)),
    result           TEXT    CHECK (result IS NULL OR json_valid(result)),
    output           TEXT,
    error_message    TEXT,
    metadata         TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(metadata)),
    started_at       TEXT,
    completed_at     TEXT,
    duration_ms      INTEGER,
    created_at       TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at       TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT pk_workflow_executions              PRIMARY KEY (id),
    CONSTRAINT ck_workflow_executions_id CHECK (id GLOB '????????-????-????-????-????????????'
                                                AND length(replace(id, '-', '')) = 32
                                                AND replace(id, '-', '') NOT GLOB '*[^0-9a-f]*'),
    CONSTRAINT fk_workflow_executions_organization FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE CASCADE,
    CONSTRAINT fk_workflow_executions_workflow     FOREIGN KEY (workflow_id)
        REFERENCES workflows (id) ON DELETE CASCADE,
    CONSTRAINT fk_workflow_executions_triggered_by FOREIGN KEY (triggered_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT ck_workflow_executions_status       CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled', 'timed_out')),
    CONSTRAINT ck_workflow_executions_attempt      CHECK (attempt >= 1),
    CONSTRAINT ck_workflow_executions_version      CHECK (workflow_version IS NULL OR workflow_version >= 1),
    CONSTRAINT ck_workflow_executions_duration_ms  CHECK (duration_ms IS NULL OR duration_ms >= 0)
);

CREATE INDEX idx_workflow_executions_workflow_status         ON workflow_executions (workflow_id, status, created_at);
CREATE INDEX idx_workflow_executions_status_created_at       ON workflow_executions (status, created_at);
CREATE INDEX idx_workflow_executions_organization_created_at ON workflow_executions (organization_id, created_at);
CREATE INDEX idx_workflow_executions_triggered_by            ON workflow_executions (triggered_by);


-- -------------------------------------------------------------------------------------
-- tasks: units of work and the durable task queue (see postgresql/V1 for the protocol).
-- SQLite has no row locks: a claim is a compare-and-set
--   UPDATE tasks SET status = 'running', lease_owner = ?, ... , lock_version = lock_version + 1
--   WHERE id = (SELECT id FROM tasks WHERE queue_name = ? AND status = 'ready'
--               AND run_at <= ? ORDER BY priority DESC, run_at LIMIT 1)
--     AND status = 'ready' RETURNING *;
-- -------------------------------------------------------------------------------------
CREATE TABLE tasks (
    id                         TEXT    NOT NULL DEFAULT (lower(
        hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
        substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
    organization_id            TEXT    NOT NULL,
    workflow_id                TEXT,
    workflow_execution_id      TEXT,
    agent_role_id              TEXT,
    name                       TEXT    NOT NULL,
    description                TEXT,
    type                       TEXT    NOT NULL DEFAULT 'task',
    status                     TEXT    NOT NULL DEFAULT 'pending',
    priority                   INTEGER NOT NULL DEFAULT 0,
    command                    TEXT,
    parameters                 TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(parameters)),
    environment                TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(environment)),
    working_directory          TEXT,
    execution_order            INTEGER NOT NULL DEFAULT 0,
    retry_count                INTEGER NOT NULL DEFAULT 0,
    max_retries                INTEGER NOT NULL DEFAULT 3,
    result                     TEXT    CHECK (result IS NULL OR json_valid(result)),
    output                     TEXT,
    error_message              TEXT,
    exit_code                  INTEGER,
    estimated_duration_seconds INTEGER,
    timeout_seconds            INTEGER,
    queue_name                 TEXT    NOT NULL DEFAULT 'default',
    run_at                     TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    lease_owner                TEXT,
    lease_expires_at           TEXT,
    heartbeat_at               TEXT,
    attempt                    INTEGER NOT NULL DEFAULT 0,
    idempotency_key            TEXT,
    dead_lettered_at           TEXT,
    started_at                 TEXT,
    completed_at               TEXT,
    lock_version               INTEGER NOT NULL DEFAULT 1,
    created_at                 TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at                 TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT pk_tasks                    PRIMARY KEY (id),
    CONSTRAINT ck_tasks_id CHECK (id GLOB '????????-????-????-????-????????????'
                                  AND length(replace(id, '-', '')) = 32
                                  AND replace(id, '-', '') NOT GLOB '*[^0-9a-f]*'),
    CONSTRAINT fk_tasks_organization       FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE CASCADE,
    CONSTRAINT fk_tasks_workflow           FOREIGN KEY (workflow_id)
        REFERENCES workflows (id) ON DELETE CASCADE,
    CONSTRAINT fk_tasks_workflow_execution FOREIGN KEY (workflow_execution_id)
        REFERENCES workflow_executions (id) ON DELETE CASCADE,
    CONSTRAINT fk_tasks_agent_role         FOREIGN KEY (agent_role_id)
        REFERENCES agent_roles (id) ON DELETE SET NULL,
    CONSTRAINT ck_tasks_name               CHECK (name <> ''),
    CONSTRAINT ck_tasks_type               CHECK (type <> ''),
    CONSTRAINT ck_tasks_status             CHECK (status IN ('pending', 'ready', 'running', 'succeeded', 'failed', 'cancelled', 'dead')),
    CONSTRAINT ck_tasks_queue_name         CHECK (queue_name <> ''),
    CONSTRAINT ck_tasks_retry_count        CHECK (retry_count >= 0),
    CONSTRAINT ck_tasks_max_retries        CHECK (max_retries >= 0),
    CONSTRAINT ck_tasks_attempt            CHECK (attempt >= 0),
    CONSTRAINT ck_tasks_timeout_seconds    CHECK (timeout_seconds IS NULL OR timeout_seconds > 0),
    CONSTRAINT ck_tasks_estimated_duration CHECK (estimated_duration_seconds IS NULL OR estimated_duration_seconds >= 0),
    CONSTRAINT ck_tasks_lease              CHECK ((lease_owner IS NULL) = (lease_expires_at IS NULL)),
    CONSTRAINT ck_tasks_lock_version       CHECK (lock_version >= 1)
);

CREATE        INDEX idx_tasks_claim                          ON tasks (queue_name, status, priority DESC, run_at);
CREATE        INDEX idx_tasks_lease_expiry                   ON tasks (status, lease_expires_at);
CREATE        INDEX idx_tasks_dead_letter                    ON tasks (queue_name, dead_lettered_at);
CREATE UNIQUE INDEX uq_tasks_queue_idempotency_key           ON tasks (queue_name, idempotency_key);
CREATE        INDEX idx_tasks_workflow_status                ON tasks (workflow_id, status);
CREATE        INDEX idx_tasks_workflow_execution_status      ON tasks (workflow_execution_id, status);
CREATE        INDEX idx_tasks_organization_status_created_at ON tasks (organization_id, status, created_at);
CREATE        INDEX idx_tasks_agent_role                     ON tasks (agent_role_id);


-- -------------------------------------------------------------------------------------
-- task_dependencies: DAG edges. task_id waits for depends_on_task_id.
-- -------------------------------------------------------------------------------------
CREATE TABLE task_dependencies (
    id                 TEXT NOT NULL DEFAULT (lower(
        hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
        substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
    task_id            TEXT NOT NULL,
    depends_on_task_id TEXT NOT NULL,
    created_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT pk_task_dependencies            PRIMARY KEY (id),
    CONSTRAINT ck_task_dependencies_id CHECK (id GLOB '????????-????-????-????-????????????'
                                              AND length(replace(id, '-', '')) = 32
                                              AND replace(id, '-', '') NOT GLOB '*[^0-9a-f]*'),
    CONSTRAINT fk_task_dependencies_task       FOREIGN KEY (task_id)
        REFERENCES tasks (id) ON DELETE CASCADE,
    CONSTRAINT fk_task_dependencies_depends_on FOREIGN KEY (depends_on_task_id)
        REFERENCES tasks (id) ON DELETE CASCADE,
    CONSTRAINT ck_task_dependencies_not_self   CHECK (task_id <> depends_on_task_id)
);

CREATE UNIQUE INDEX uq_task_dependencies_pair        ON task_dependencies (task_id, depends_on_task_id);
CREATE        INDEX idx_task_dependencies_depends_on ON task_dependencies (depends_on_task_id);


-- -------------------------------------------------------------------------------------
-- task_executions: one row per attempt of a task.
-- -------------------------------------------------------------------------------------
CREATE TABLE task_executions (
    id                    TEXT    NOT NULL DEFAULT (lower(
        hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
        substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
    organization_id       TEXT    NOT NULL,
    task_id               TEXT    NOT NULL,
    workflow_execution_id TEXT,
    attempt               INTEGER NOT NULL,
    status                TEXT    NOT NULL DEFAULT 'running',
    worker                TEXT,
    result                TEXT    CHECK (result IS NULL OR json_valid(result)),
    output                TEXT,
    error_message         TEXT,
    exit_code             INTEGER,
    started_at            TEXT,
    completed_at          TEXT,
    duration_ms           INTEGER,
    created_at            TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at            TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT pk_task_executions                    PRIMARY KEY (id),
    CONSTRAINT ck_task_executions_id CHECK (id GLOB '????????-????-????-????-????????????'
                                            AND length(replace(id, '-', '')) = 32
                                            AND replace(id, '-', '') NOT GLOB '*[^0-9a-f]*'),
    CONSTRAINT fk_task_executions_organization       FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE CASCADE,
    CONSTRAINT fk_task_executions_task               FOREIGN KEY (task_id)
        REFERENCES tasks (id) ON DELETE CASCADE,
    CONSTRAINT fk_task_executions_workflow_execution FOREIGN KEY (workflow_execution_id)
        REFERENCES workflow_executions (id) ON DELETE CASCADE,
    CONSTRAINT ck_task_executions_status             CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled', 'timed_out')),
    CONSTRAINT ck_task_executions_attempt            CHECK (attempt >= 1),
    CONSTRAINT ck_task_executions_duration_ms        CHECK (duration_ms IS NULL OR duration_ms >= 0)
);

CREATE UNIQUE INDEX uq_task_executions_task_attempt               ON task_executions (task_id, attempt);
CREATE        INDEX idx_task_executions_workflow_execution_status ON task_executions (workflow_execution_id, status);
CREATE        INDEX idx_task_executions_status_created_at         ON task_executions (status, created_at);
CREATE        INDEX idx_task_executions_organization_created_at   ON task_executions (organization_id, created_at);
CREATE        INDEX idx_task_executions_worker_status             ON task_executions (worker, status);


-- -------------------------------------------------------------------------------------
-- logs: the log store; organization_id NULL for system rows; references SET NULL.
-- -------------------------------------------------------------------------------------
CREATE TABLE logs (
    id                    TEXT NOT NULL DEFAULT (lower(
        hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
        substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
    organization_id       TEXT,
    level                 TEXT NOT NULL,
    component             TEXT NOT NULL,
    message               TEXT NOT NULL,
    context               TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(context)),
    workflow_id           TEXT,
    workflow_execution_id TEXT,
    task_id               TEXT,
    task_execution_id     TEXT,
    created_at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT pk_logs                    PRIMARY KEY (id),
    CONSTRAINT ck_logs_id CHECK (id GLOB '????????-????-????-????-????????????'
                                 AND length(replace(id, '-', '')) = 32
                                 AND replace(id, '-', '') NOT GLOB '*[^0-9a-f]*'),
    CONSTRAINT fk_logs_organization       FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE CASCADE,
    CONSTRAINT fk_logs_workflow           FOREIGN KEY (workflow_id)
        REFERENCES workflows (id) ON DELETE SET NULL,
    CONSTRAINT fk_logs_workflow_execution FOREIGN KEY (workflow_execution_id)
        REFERENCES workflow_executions (id) ON DELETE SET NULL,
    CONSTRAINT fk_logs_task               FOREIGN KEY (task_id)
        REFERENCES tasks (id) ON DELETE SET NULL,
    CONSTRAINT fk_logs_task_execution     FOREIGN KEY (task_execution_id)
        REFERENCES task_executions (id) ON DELETE SET NULL,
    CONSTRAINT ck_logs_level              CHECK (level IN ('debug', 'info', 'warn', 'error', 'fatal')),
    CONSTRAINT ck_logs_component          CHECK (component <> '')
);

CREATE INDEX idx_logs_component_level_created_at    ON logs (component, level, created_at);
CREATE INDEX idx_logs_level_created_at              ON logs (level, created_at);
CREATE INDEX idx_logs_created_at                    ON logs (created_at);
CREATE INDEX idx_logs_organization_created_at       ON logs (organization_id, created_at);
CREATE INDEX idx_logs_workflow_created_at           ON logs (workflow_id, created_at);
CREATE INDEX idx_logs_workflow_execution_created_at ON logs (workflow_execution_id, created_at);
CREATE INDEX idx_logs_task_created_at               ON logs (task_id, created_at);
CREATE INDEX idx_logs_task_execution_created_at     ON logs (task_execution_id, created_at);


-- -------------------------------------------------------------------------------------
-- audit_log: append-only; organization RESTRICT (audit history must be removed on
-- purpose before its organization can go), actors SET NULL (actor_label stays).
-- -------------------------------------------------------------------------------------
CREATE TABLE audit_log (
    id               TEXT NOT NULL DEFAULT (lower(
        hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
        substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
    organization_id  TEXT,
    actor_type       TEXT NOT NULL,
    actor_user_id    TEXT,
    actor_api_key_id TEXT,
    actor_label      TEXT,
    action           TEXT NOT NULL,
    entity_type      TEXT NOT NULL,
    entity_id        TEXT,
    before_data      TEXT CHECK (before_data IS NULL OR json_valid(before_data)),
    after_data       TEXT CHECK (after_data IS NULL OR json_valid(after_data)),
    ip_address       TEXT,
    user_agent       TEXT,
    request_id       TEXT,
    created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT pk_audit_log               PRIMARY KEY (id),
    CONSTRAINT ck_audit_log_id CHECK (id GLOB '????????-????-????-????-????????????'
                                      AND length(replace(id, '-', '')) = 32
                                      AND replace(id, '-', '') NOT GLOB '*[^0-9a-f]*'),
    CONSTRAINT fk_audit_log_organization  FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_audit_log_actor_user    FOREIGN KEY (actor_user_id)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT fk_audit_log_actor_api_key FOREIGN KEY (actor_api_key_id)
        REFERENCES api_keys (id) ON DELETE SET NULL,
    CONSTRAINT ck_audit_log_actor_type    CHECK (actor_type IN ('user', 'api_key', 'system')),
    CONSTRAINT ck_audit_log_action        CHECK (action <> ''),
    CONSTRAINT ck_audit_log_entity_type   CHECK (entity_type <> '')
);

CREATE INDEX idx_audit_log_organization_created_at ON audit_log (organization_id, created_at);
CREATE INDEX idx_audit_log_entity                  ON audit_log (entity_type, entity_id, created_at);
CREATE INDEX idx_audit_log_actor_user              ON audit_log (actor_user_id, created_at);
CREATE INDEX idx_audit_log_actor_api_key           ON audit_log (actor_api_key_id, created_at);
CREATE INDEX idx_audit_log_created_at              ON audit_log (created_at);


-- -------------------------------------------------------------------------------------
-- configurations: installation-wide (organization_id NULL) or per organization.
-- -------------------------------------------------------------------------------------
CREATE TABLE configurations (
    id              TEXT    NOT NULL DEFAULT (lower(
        hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
        substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
    organization_id TEXT,
    key             TEXT    NOT NULL,
    value           TEXT,
    type            TEXT    NOT NULL DEFAULT 'string',
    description     TEXT,
    is_sensitive    INTEGER NOT NULL DEFAULT 0,
    lock_version    INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at      TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT pk_configurations              PRIMARY KEY (id),
    CONSTRAINT ck_configurations_id CHECK (id GLOB '????????-????-????-????-????????????'
                                           AND length(replace(id, '-', '')) = 32
                                           AND replace(id, '-', '') NOT GLOB '*[^0-9a-f]*'),
    CONSTRAINT fk_configurations_organization FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE CASCADE,
    CONSTRAINT ck_configurations_key          CHECK (key <> ''),
    CONSTRAINT ck_configurations_type         CHECK (type IN ('string', 'integer', 'number', 'boolean', 'json')),
    CONSTRAINT ck_configurations_is_sensitive CHECK (is_sensitive IN (0, 1)),
    CONSTRAINT ck_configurations_lock_version CHECK (lock_version >= 1)
);

-- One row per key per organization ...
CREATE UNIQUE INDEX uq_configurations_organization_key ON configurations (organization_id, key);
-- ... and one installation-wide row per key (NULLs are distinct in the index above).
CREATE UNIQUE INDEX uq_configurations_global_key ON configurations (key)
    WHERE organization_id IS NULL;


-- -------------------------------------------------------------------------------------
-- components: registered parts of the installation and their health.
-- -------------------------------------------------------------------------------------
CREATE TABLE components (
    id                   TEXT    NOT NULL DEFAULT (lower(
        hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
        substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
    name                 TEXT    NOT NULL,
    type                 TEXT    NOT NULL,
    status               TEXT    NOT NULL DEFAULT 'active',
    health               TEXT    NOT NULL DEFAULT 'unknown',
    version              TEXT,
    configuration        TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(configuration)),
    endpoints            TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(endpoints)),
    health_check_url     TEXT,
    health_details       TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(health_details)),
    dependencies         TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(dependencies)),
    metadata             TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(metadata)),
    last_heartbeat_at    TEXT,
    last_health_check_at TEXT,
    lock_version         INTEGER NOT NULL DEFAULT 1,
    created_at           TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at           TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT pk_components              PRIMARY KEY (id),
    CONSTRAINT ck_components_id CHECK (id GLOB '????????-????-????-????-????????????'
                                       AND length(replace(id, '-', '')) = 32
                                       AND replace(id, '-', '') NOT GLOB '*[^0-9a-f]*'),
    CONSTRAINT ck_components_name         CHECK (name <> ''),
    CONSTRAINT ck_components_type         CHECK (type <> ''),
    CONSTRAINT ck_components_status       CHECK (status IN ('active', 'inactive', 'maintenance', 'retired')),
    CONSTRAINT ck_components_health       CHECK (health IN ('healthy', 'degraded', 'unhealthy', 'unknown')),
    CONSTRAINT ck_components_dependencies CHECK (json_valid(dependencies) AND json_type(dependencies) = 'array'),
    CONSTRAINT ck_components_lock_version CHECK (lock_version >= 1)
);

CREATE UNIQUE INDEX uq_components_name               ON components (name);
CREATE        INDEX idx_components_status_health     ON components (status, health);
CREATE        INDEX idx_components_last_heartbeat_at ON components (last_heartbeat_at);


-- -------------------------------------------------------------------------------------
-- system_metrics: time series samples (append-only).
-- -------------------------------------------------------------------------------------
CREATE TABLE system_metrics (
    id           TEXT NOT NULL DEFAULT (lower(
        hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
        substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
    component_id TEXT,
    name         TEXT NOT NULL,
    metric_type  TEXT NOT NULL DEFAULT 'gauge',
    value        REAL NOT NULL,
    unit         TEXT,
    labels       TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(labels)),
    recorded_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT pk_system_metrics             PRIMARY KEY (id),
    CONSTRAINT ck_system_metrics_id CHECK (id GLOB '????????-????-????-????-????????????'
                                           AND length(replace(id, '-', '')) = 32
                                           AND replace(id, '-', '') NOT GLOB '*[^0-9a-f]*'),
    CONSTRAINT fk_system_metrics_component   FOREIGN KEY (component_id)
        REFERENCES components (id) ON DELETE SET NULL,
    CONSTRAINT ck_system_metrics_name        CHECK (name <> ''),
    CONSTRAINT ck_system_metrics_metric_type CHECK (metric_type IN ('gauge', 'counter', 'histogram', 'summary'))
);

CREATE INDEX idx_system_metrics_name_recorded_at      ON system_metrics (name, recorded_at);
CREATE INDEX idx_system_metrics_recorded_at           ON system_metrics (recorded_at);
CREATE INDEX idx_system_metrics_component_recorded_at ON system_metrics (component_id, recorded_at);


-- -------------------------------------------------------------------------------------
-- seed_runs: one row per seed applied; latest per (name, environment) is current.
-- -------------------------------------------------------------------------------------
CREATE TABLE seed_runs (
    id          TEXT NOT NULL DEFAULT (lower(
        hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
        substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
    name        TEXT NOT NULL,
    environment TEXT NOT NULL,
    checksum    TEXT NOT NULL,
    applied_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT pk_seed_runs             PRIMARY KEY (id),
    CONSTRAINT ck_seed_runs_id CHECK (id GLOB '????????-????-????-????-????????????'
                                      AND length(replace(id, '-', '')) = 32
                                      AND replace(id, '-', '') NOT GLOB '*[^0-9a-f]*'),
    CONSTRAINT ck_seed_runs_name        CHECK (name <> ''),
    CONSTRAINT ck_seed_runs_environment CHECK (environment <> ''),
    CONSTRAINT ck_seed_runs_checksum    CHECK (checksum <> '')
);

CREATE INDEX idx_seed_runs_name_environment ON seed_runs (name, environment, applied_at);


-- -------------------------------------------------------------------------------------
-- updated_at triggers (one per editable table)
-- -------------------------------------------------------------------------------------
CREATE TRIGGER trg_organizations_updated_at AFTER UPDATE ON organizations FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE organizations SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER trg_users_updated_at AFTER UPDATE ON users FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE users SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER trg_api_keys_updated_at AFTER UPDATE ON api_keys FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE api_keys SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER trg_agent_roles_updated_at AFTER UPDATE ON agent_roles FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE agent_roles SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER trg_workflows_updated_at AFTER UPDATE ON workflows FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE workflows SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER trg_workflow_executions_updated_at AFTER UPDATE ON workflow_executions FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE workflow_executions SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER trg_tasks_updated_at AFTER UPDATE ON tasks FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE tasks SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER trg_task_executions_updated_at AFTER UPDATE ON task_executions FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE task_executions SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER trg_configurations_updated_at AFTER UPDATE ON configurations FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE configurations SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER trg_components_updated_at AFTER UPDATE ON components FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE components SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
