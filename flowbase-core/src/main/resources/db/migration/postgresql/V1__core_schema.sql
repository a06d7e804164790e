-- =====================================================================================
-- Flowbase core schema, version 1 -- PostgreSQL 14+
-- =====================================================================================
-- Creates the 18 Flowbase tables, one trigger function and one updated_at trigger per
-- editable table:
--
--   organizations, users, api_keys,
--   agent_roles, agent_role_versions, agent_role_dependencies,
--   workflows, workflow_versions, tasks, task_dependencies,
--   workflow_executions, task_executions,
--   logs, audit_log, configurations, components, system_metrics, seed_runs
--
-- flowbase_schema_history is NOT created here: the migration engine owns it.
-- U1__core_schema.sql undoes this file. docs/schema-design.md explains every table.
--
-- Engine choices (PostgreSQL)
--   ids        uuid, DEFAULT gen_random_uuid() (core since PostgreSQL 13, no extension)
--   JSON       jsonb
--   times      timestamptz, DEFAULT now() (UTC instants; the session zone only affects display)
--   booleans   boolean
--   updated_at one trigger function flowbase_touch_updated_at() + trg_<table>_updated_at
--              per editable table. An UPDATE that leaves updated_at unchanged gets now();
--              an UPDATE that sets updated_at explicitly keeps its value (same on all engines).
--   lock_version  optimistic-lock counter (integer, starts at 1) on workflows, tasks,
--              agent_roles, configurations, components; the application increments it
--              (UPDATE ... SET lock_version = lock_version + 1 WHERE id = ? AND lock_version = ?).
--              It is NOT workflows.version, which is the latest published version number.
--
-- Parity with mariadb/ and sqlite/: same tables, columns (names, equivalent types,
-- nullability, presence of a default), foreign keys (columns, targets, ON DELETE), named
-- CHECK constraints with the same value sets, index names and index columns, trigger
-- names. Type mapping: uuid = MariaDB UUID = SQLite TEXT; jsonb = JSON = TEXT;
-- timestamptz = DATETIME(6) = TEXT; boolean = BOOLEAN = INTEGER; varchar/text = VARCHAR/
-- TEXT = TEXT; integer/bigint = INT/BIGINT = INTEGER; double precision = DOUBLE = REAL.
-- Every engine-only difference:
--
--   1. Partial index predicates (PostgreSQL only; same name and columns elsewhere):
--        idx_tasks_claim          WHERE status IN ('pending', 'ready')
--        idx_tasks_lease_expiry   WHERE status = 'running'
--        idx_tasks_dead_letter    WHERE status = 'dead'
--   2. GIN indexes on queried jsonb documents (PostgreSQL only, "idx_pg_" names):
--        idx_pg_workflows_tags, idx_pg_workflows_metadata, idx_pg_tasks_parameters
--   3. uq_configurations_global_key (one installation-wide row per key):
--        PostgreSQL and SQLite: partial unique index on (key) WHERE organization_id IS NULL.
--        MariaDB (no partial indexes): unique index on the INVISIBLE virtual column
--        configurations.global_key = IF(organization_id IS NULL, key, NULL). It is the
--        only extra column anywhere; SELECT * does not return it.
--   4. Extra CHECKs where the type system does not do the job:
--        SQLite   ck_<table>_id on every id (lower-case canonical UUID text);
--                 CHECK (json_valid(col)) on every JSON column (unnamed, inline);
--                 ck_configurations_is_sensitive (0/1).
--        MariaDB  the automatic json_valid CHECK that the JSON type adds, named after the
--                 column; ck_configurations_is_sensitive (0/1).
--        PostgreSQL needs neither (uuid, jsonb and boolean types).
--   5. The trigger function flowbase_touch_updated_at() exists only here; MariaDB and
--      SQLite put the same logic in each trg_<table>_updated_at body (MariaDB BEFORE
--      UPDATE, SQLite AFTER UPDATE with a WHEN guard).
--   6. Index column direction: priority DESC in idx_tasks_claim is honoured here, in
--      SQLite and in MariaDB 10.8+.
--   7. Cascaded ON DELETE SET NULL fires the updated_at triggers here and in SQLite, but
--      not in MariaDB (InnoDB foreign-key actions never fire triggers).
--   8. Text comparison: MariaDB tables use utf8mb4_bin so that CHECKs and unique indexes
--      are case-sensitive as here. SQLite's lower() is ASCII-only, so ck_users_email and
--      ck_organizations_slug miss upper-case non-ASCII letters there.
--   9. configurations.key must be quoted on MariaDB (`key`), where KEY is reserved.
--  10. Time precision: microseconds here and on MariaDB, milliseconds in SQLite's default
--      text format 'YYYY-MM-DDTHH:MM:SS.SSSZ'.
-- =====================================================================================


-- -------------------------------------------------------------------------------------
-- updated_at maintenance
-- -------------------------------------------------------------------------------------
CREATE FUNCTION flowbase_touch_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN
        NEW.updated_at := now();
    END IF;
    RETURN NEW;
END;
$$;

COMMENT ON FUNCTION flowbase_touch_updated_at() IS
    'Flowbase: sets updated_at to now() on UPDATE unless the statement set it explicitly.';


-- -------------------------------------------------------------------------------------
-- organizations: the tenant. Everything org-owned references it.
-- -------------------------------------------------------------------------------------
CREATE TABLE organizations (
    id           uuid         NOT NULL DEFAULT gen_random_uuid(),
    name         varchar(255) NOT NULL,
    slug         varchar(100) NOT NULL,
    status       varchar(20)  NOT NULL DEFAULT 'active',
    settings     jsonb        NOT NULL DEFAULT '{}',
    created_at   timestamptz  NOT NULL DEFAULT now(),
    updated_at   timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_organizations        PRIMARY KEY (id),
    CONSTRAINT ck_organizations_status CHECK (status IN ('active', 'suspended')),
    CONSTRAINT ck_organizations_slug   CHECK (slug <> '' AND slug = lower(slug))
);

CREATE UNIQUE INDEX uq_organizations_slug ON organizations (slug);


-- -------------------------------------------------------------------------------------
-- users: people of an organization. access_role is an ACCESS role (admin/operator/
-- viewer), never an agent role. Emails are stored lower-case so that uniqueness is
-- case-insensitive on every engine.
-- -------------------------------------------------------------------------------------
CREATE TABLE users (
    id              uuid         NOT NULL DEFAULT gen_random_uuid(),
    organization_id uuid         NOT NULL,
    email           varchar(320) NOT NULL,
    name            varchar(255),
    access_role     varchar(20)  NOT NULL DEFAULT 'viewer',
    status          varchar(20)  NOT NULL DEFAULT 'active',
    created_at      timestamptz  NOT NULL DEFAULT now(),
    updated_at      timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_users             PRIMARY KEY (id),
    -- Owned by the organization: deleting it deletes its users.
    CONSTRAINT fk_users_organization FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE CASCADE,
    CONSTRAINT ck_users_email       CHECK (email = lower(email) AND email LIKE '%_@_%'),
    CONSTRAINT ck_users_access_role CHECK (access_role IN ('admin', 'operator', 'viewer')),
    CONSTRAINT ck_users_status      CHECK (status IN ('invited', 'active', 'disabled'))
);

CREATE UNIQUE INDEX uq_users_organization_email ON users (organization_id, email);


-- -------------------------------------------------------------------------------------
-- api_keys: only a hash of the key is stored, never the key; key_prefix (the first
-- characters) lets people recognise a key in lists.
-- -------------------------------------------------------------------------------------
CREATE TABLE api_keys (
    id              uuid         NOT NULL DEFAULT gen_random_uuid(),
    organization_id uuid         NOT NULL,
    name            varchar(255) NOT NULL,
    key_hash        varchar(128) NOT NULL,
    key_prefix      varchar(16)  NOT NULL,
    access_role     varchar(20)  NOT NULL DEFAULT 'viewer',
    scopes          jsonb        NOT NULL DEFAULT '[]',
    created_by      uuid,
    last_used_at    timestamptz,
    expires_at      timestamptz,
    revoked_at      timestamptz,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    updated_at      timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_api_keys              PRIMARY KEY (id),
    CONSTRAINT fk_api_keys_organization FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE CASCADE,
    -- The key outlives the person who created it.
    CONSTRAINT fk_api_keys_created_by   FOREIGN KEY (created_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT ck_api_keys_key_hash     CHECK (key_hash <> ''),
    CONSTRAINT ck_api_keys_key_prefix   CHECK (key_prefix <> ''),
    CONSTRAINT ck_api_keys_access_role  CHECK (access_role IN ('admin', 'operator', 'viewer')),
    CONSTRAINT ck_api_keys_scopes       CHECK (jsonb_typeof(scopes) = 'array')
);

CREATE UNIQUE INDEX uq_api_keys_key_hash     ON api_keys (key_hash);
CREATE        INDEX idx_api_keys_organization ON api_keys (organization_id);
CREATE        INDEX idx_api_keys_created_by   ON api_keys (created_by);


-- -------------------------------------------------------------------------------------
-- agent_roles: AI agent role definitions (prompt, model, tools). current_version is the
-- agent_role_versions.version in effect (NULL until the first version is published).
-- -------------------------------------------------------------------------------------
CREATE TABLE agent_roles (
    id              uuid         NOT NULL DEFAULT gen_random_uuid(),
    organization_id uuid         NOT NULL,
    name            varchar(255) NOT NULL,
    description     text,
    system_prompt   text         NOT NULL,
    model           varchar(255),
    tools           jsonb        NOT NULL DEFAULT '[]',
    parameters      jsonb        NOT NULL DEFAULT '{}',
    metadata        jsonb        NOT NULL DEFAULT '{}',
    status          varchar(20)  NOT NULL DEFAULT 'draft',
    current_version integer,
    created_by      uuid,
    lock_version    integer      NOT NULL DEFAULT 1,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    updated_at      timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_agent_roles                 PRIMARY KEY (id),
    CONSTRAINT fk_agent_roles_organization    FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE CASCADE,
    CONSTRAINT fk_agent_roles_created_by      FOREIGN KEY (created_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT ck_agent_roles_name            CHECK (name <> ''),
    CONSTRAINT ck_agent_roles_status          CHECK (status IN ('draft', 'active', 'deprecated', 'archived')),
    CONSTRAINT ck_agent_roles_tools           CHECK (jsonb_typeof(tools) = 'array'),
    CONSTRAINT ck_agent_roles_current_version CHECK (current_version IS NULL OR current_version >= 1),
    CONSTRAINT ck_agent_roles_lock_version    CHECK (lock_version >= 1)
);

CREATE UNIQUE INDEX uq_agent_roles_organization_name   ON agent_roles (organization_id, name);
CREATE        INDEX idx_agent_roles_organization_status ON agent_roles (organization_id, status);
CREATE        INDEX idx_agent_roles_created_by          ON agent_roles (created_by);


-- -------------------------------------------------------------------------------------
-- agent_role_versions: immutable snapshot per published version of a role.
-- -------------------------------------------------------------------------------------
CREATE TABLE agent_role_versions (
    id            uuid         NOT NULL DEFAULT gen_random_uuid(),
    agent_role_id uuid         NOT NULL,
    version       integer      NOT NULL,
    system_prompt text         NOT NULL,
    model         varchar(255),
    tools         jsonb        NOT NULL DEFAULT '[]',
    parameters    jsonb        NOT NULL DEFAULT '{}',
    change_note   text,
    created_by    uuid,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_agent_role_versions            PRIMARY KEY (id),
    -- Versions are part of the role: they go with it.
    CONSTRAINT fk_agent_role_versions_agent_role FOREIGN KEY (agent_role_id)
        REFERENCES agent_roles (id) ON DELETE CASCADE,
    CONSTRAINT fk_agent_role_versions_created_by FOREIGN KEY (created_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT ck_agent_role_versions_version    CHECK (version >= 1),
    CONSTRAINT ck_agent_role_versions_tools      CHECK (jsonb_typeof(tools) = 'array')
);

CREATE UNIQUE INDEX uq_agent_role_versions_agent_role_version ON agent_role_versions (agent_role_id, version);
CREATE        INDEX idx_agent_role_versions_created_by         ON agent_role_versions (created_by);


-- -------------------------------------------------------------------------------------
-- agent_role_dependencies: role agent_role_id depends on role depends_on_agent_role_id.
-- Both sides CASCADE: a RESTRICT on the depends-on side would make deleting an
-- organization fail depending on the order the engine cascades in (tested on all three
-- engines). "Do not delete a role others depend on" is checked by the data layer.
-- -------------------------------------------------------------------------------------
CREATE TABLE agent_role_dependencies (
    id                       uuid        NOT NULL DEFAULT gen_random_uuid(),
    agent_role_id            uuid        NOT NULL,
    depends_on_agent_role_id uuid        NOT NULL,
    created_at               timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_agent_role_dependencies            PRIMARY KEY (id),
    CONSTRAINT fk_agent_role_dependencies_agent_role FOREIGN KEY (agent_role_id)
        REFERENCES agent_roles (id) ON DELETE CASCADE,
    CONSTRAINT fk_agent_role_dependencies_depends_on FOREIGN KEY (depends_on_agent_role_id)
        REFERENCES agent_roles (id) ON DELETE CASCADE,
    CONSTRAINT ck_agent_role_dependencies_not_self   CHECK (agent_role_id <> depends_on_agent_role_id)
);

CREATE UNIQUE INDEX uq_agent_role_dependencies_pair       ON agent_role_dependencies (agent_role_id, depends_on_agent_role_id);
CREATE        INDEX idx_agent_role_dependencies_depends_on ON agent_role_dependencies (depends_on_agent_role_id);


-- -------------------------------------------------------------------------------------
-- workflows: workflow definitions (the editable draft) and their metadata.
-- version is the latest published workflow_versions.version (NULL until published).
-- -------------------------------------------------------------------------------------
CREATE TABLE workflows (
    id                    uuid         NOT NULL DEFAULT gen_random_uuid(),
    organization_id       uuid         NOT NULL,
    name                  varchar(255) NOT NULL,
    description           text,
    type                  varchar(100) NOT NULL DEFAULT 'general',
    status                varchar(20)  NOT NULL DEFAULT 'draft',
    priority              integer      NOT NULL DEFAULT 0,
    definition            jsonb        NOT NULL DEFAULT '{}',
    configuration         jsonb        NOT NULL DEFAULT '{}',
    environment_variables jsonb        NOT NULL DEFAULT '{}',
    tags                  jsonb        NOT NULL DEFAULT '[]',
    version               integer,
    metadata              jsonb        NOT NULL DEFAULT '{}',
    created_by            uuid,
    parent_workflow_id    uuid,
    scheduled_at          timestamptz,
    started_at            timestamptz,
    completed_at          timestamptz,
    timeout_seconds       integer,
    lock_version          integer      NOT NULL DEFAULT 1,
    created_at            timestamptz  NOT NULL DEFAULT now(),
    updated_at            timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_workflows                 PRIMARY KEY (id),
    CONSTRAINT fk_workflows_organization    FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE CASCADE,
    CONSTRAINT fk_workflows_created_by      FOREIGN KEY (created_by)
        REFERENCES users (id) ON DELETE SET NULL,
    -- A sub-workflow survives its parent; it just loses the link.
    CONSTRAINT fk_workflows_parent_workflow FOREIGN KEY (parent_workflow_id)
        REFERENCES workflows (id) ON DELETE SET NULL,
    CONSTRAINT ck_workflows_name            CHECK (name <> ''),
    CONSTRAINT ck_workflows_type            CHECK (type <> ''),
    CONSTRAINT ck_workflows_status          CHECK (status IN ('draft', 'active', 'paused', 'archived')),
    CONSTRAINT ck_workflows_tags            CHECK (jsonb_typeof(tags) = 'array'),
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
-- PostgreSQL only: containment queries (tags @> '["ci"]', metadata @> '{"team":"x"}').
CREATE INDEX idx_pg_workflows_tags     ON workflows USING gin (tags jsonb_path_ops);
CREATE INDEX idx_pg_workflows_metadata ON workflows USING gin (metadata jsonb_path_ops);


-- -------------------------------------------------------------------------------------
-- workflow_versions: full history, one immutable row per published version.
-- -------------------------------------------------------------------------------------
CREATE TABLE workflow_versions (
    id            uuid        NOT NULL DEFAULT gen_random_uuid(),
    workflow_id   uuid        NOT NULL,
    version       integer     NOT NULL,
    definition    jsonb       NOT NULL,
    configuration jsonb       NOT NULL DEFAULT '{}',
    change_note   text,
    created_by    uuid,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_workflow_versions            PRIMARY KEY (id),
    CONSTRAINT fk_workflow_versions_workflow   FOREIGN KEY (workflow_id)
        REFERENCES workflows (id) ON DELETE CASCADE,
    CONSTRAINT fk_workflow_versions_created_by FOREIGN KEY (created_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT ck_workflow_versions_version    CHECK (version >= 1)
);

CREATE UNIQUE INDEX uq_workflow_versions_workflow_version ON workflow_versions (workflow_id, version);
CREATE        INDEX idx_workflow_versions_created_by       ON workflow_versions (created_by);


-- -------------------------------------------------------------------------------------
-- workflow_executions: one row per run (attempt) of a workflow.
-- workflow_version is the published version that ran (NULL = the draft definition). It is
-- a number, not a foreign key, so the record of what ran never blocks or is blocked by
-- version rows; join on (workflow_id, version).
-- -------------------------------------------------------------------------------------
CREATE TABLE workflow_executions (
    id               uuid         NOT NULL DEFAULT gen_random_uuid(),
    organization_id  uuid         NOT NULL,
    workflow_id      uuid         NOT NULL,
    workflow_version integer,
    attempt          integer      NOT NULL DEFAULT 1,
    status           varchar(20)  NOT NULL DEFAULT 'queued',
    worker           varchar(255),
    triggered_by     uuid,
    input            jsonb        NOT NULL DEFAULT '{}',
    result           jsonb,
    output           text,
    error_message    text,
    metadata         jsonb        NOT NULL DEFAULT '{}',
    started_at       timestamptz,
    completed_at     timestamptz,
    duration_ms      bigint,
    created_at       timestamptz  NOT NULL DEFAULT now(),
    updated_at       timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_workflow_executions              PRIMARY KEY (id),
    CONSTRAINT fk_workflow_executions_organization FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE CASCADE,
    -- Runs belong to their workflow; deleting a workflow deletes its history
    -- (archive it instead to keep the history).
    CONSTRAINT fk_workflow_executions_workflow     FOREIGN KEY (workflow_id)
        REFERENCES workflows (id) ON DELETE CASCADE,
    CONSTRAINT fk_workflow_executions_triggered_by FOREIGN KEY (triggered_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT ck_workflow_executions_status       CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled', 'timed_out')),
    CONSTRAINT ck_workflow_executions_attempt      CHECK (attempt >= 1),
    CONSTRAINT ck_workflow_executions_version      CHECK (workflow_version IS NULL OR workflow_version >= 1),
    CONSTRAINT ck_workflow_executions_duration_ms  CHECK (duration_ms IS NULL OR duration_ms >= 0)
);

CREATE INDEX idx_workflow_executions_workflow_status        ON workflow_executions (workflow_id, status, created_at);
CREATE INDEX idx_workflow_executions_status_created_at      ON workflow_executions (status, created_at);
CREATE INDEX idx_workflow_executions_organization_created_at ON workflow_executions (organization_id, created_at);
CREATE INDEX idx_workflow_executions_triggered_by           ON workflow_executions (triggered_by);


-- -------------------------------------------------------------------------------------
-- tasks: units of work, with or without a workflow, and the durable task queue.
--   Queue: claim = status 'ready' AND run_at <= now, by queue_name, priority DESC, run_at;
--   a claim sets status 'running', lease_owner, lease_expires_at and attempt + 1;
--   heartbeats move heartbeat_at and lease_expires_at; exhausted retries -> 'dead' with
--   dead_lettered_at. idempotency_key is unique per queue where not NULL (NULLs are
--   distinct on every engine, so a plain unique index does it).
--   result is structured (JSON), output is captured text.
-- -------------------------------------------------------------------------------------
CREATE TABLE tasks (
    id                         uuid         NOT NULL DEFAULT gen_random_uuid(),
    organization_id            uuid         NOT NULL,
    workflow_id                uuid,
    workflow_execution_id      uuid,
    agent_role_id              uuid,
    name                       varchar(255) NOT NULL,
    description                text,
    type                       varchar(100) NOT NULL DEFAULT 'task',
    status                     varchar(20)  NOT NULL DEFAULT 'pending',
    priority                   integer      NOT NULL DEFAULT 0,
    command                    text,
    parameters                 jsonb        NOT NULL DEFAULT '{}',
    environment                jsonb        NOT NULL DEFAULT '{}',
    working_directory          text,
    execution_order            integer      NOT NULL DEFAULT 0,
    retry_count                integer      NOT NULL DEFAULT 0,
    max_retries                integer      NOT NULL DEFAULT 3,
    result                     jsonb,
    output                     text,
    error_message              text,
    exit_code                  integer,
    estimated_duration_seconds integer,
    timeout_seconds            integer,
    queue_name                 varchar(100) NOT NULL DEFAULT 'default',
    run_at                     timestamptz  NOT NULL DEFAULT now(),
    lease_owner                varchar(255),
    lease_expires_at           timestamptz,
    heartbeat_at               timestamptz,
    attempt                    integer      NOT NULL DEFAULT 0,
    idempotency_key            varchar(255),
    dead_lettered_at           timestamptz,
    started_at                 timestamptz,
    completed_at               timestamptz,
    lock_version               integer      NOT NULL DEFAULT 1,
    created_at                 timestamptz  NOT NULL DEFAULT now(),
    updated_at                 timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_tasks                     PRIMARY KEY (id),
    CONSTRAINT fk_tasks_organization        FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE CASCADE,
    -- The tasks of a workflow (and of one of its runs) are owned by it.
    CONSTRAINT fk_tasks_workflow            FOREIGN KEY (workflow_id)
        REFERENCES workflows (id) ON DELETE CASCADE,
    CONSTRAINT fk_tasks_workflow_execution  FOREIGN KEY (workflow_execution_id)
        REFERENCES workflow_executions (id) ON DELETE CASCADE,
    -- The agent role is an optional reference: the task keeps its history without it.
    CONSTRAINT fk_tasks_agent_role          FOREIGN KEY (agent_role_id)
        REFERENCES agent_roles (id) ON DELETE SET NULL,
    CONSTRAINT ck_tasks_name                CHECK (name <> ''),
    CONSTRAINT ck_tasks_type                CHECK (type <> ''),
    CONSTRAINT ck_tasks_status              CHECK (status IN ('pending', 'ready', 'running', 'succeeded', 'failed', 'cancelled', 'dead')),
    CONSTRAINT ck_tasks_queue_name          CHECK (queue_name <> ''),
    CONSTRAINT ck_tasks_retry_count         CHECK (retry_count >= 0),
    CONSTRAINT ck_tasks_max_retries         CHECK (max_retries >= 0),
    CONSTRAINT ck_tasks_attempt             CHECK (attempt >= 0),
    CONSTRAINT ck_tasks_timeout_seconds     CHECK (timeout_seconds IS NULL OR timeout_seconds > 0),
    CONSTRAINT ck_tasks_estimated_duration  CHECK (estimated_duration_seconds IS NULL OR estimated_duration_seconds >= 0),
    -- A lease has an owner and an expiry, or neither.
    CONSTRAINT ck_tasks_lease               CHECK ((lease_owner IS NULL) = (lease_expires_at IS NULL)),
    CONSTRAINT ck_tasks_lock_version        CHECK (lock_version >= 1)
);

-- Queue claim: WHERE queue_name = ? AND status = 'ready' AND run_at <= now()
--              ORDER BY priority DESC, run_at ... FOR UPDATE SKIP LOCKED.
-- Partial here so the index holds only the small runnable set.
CREATE INDEX idx_tasks_claim ON tasks (queue_name, status, priority DESC, run_at)
    WHERE status IN ('pending', 'ready');
-- Lease reaper: WHERE status = 'running' AND lease_expires_at < now().
CREATE INDEX idx_tasks_lease_expiry ON tasks (status, lease_expires_at)
    WHERE status = 'running';
-- Dead-letter listing per queue, newest first.
CREATE INDEX idx_tasks_dead_letter ON tasks (queue_name, dead_lettered_at)
    WHERE status = 'dead';
CREATE UNIQUE INDEX uq_tasks_queue_idempotency_key          ON tasks (queue_name, idempotency_key);
CREATE        INDEX idx_tasks_workflow_status               ON tasks (workflow_id, status);
CREATE        INDEX idx_tasks_workflow_execution_status     ON tasks (workflow_execution_id, status);
CREATE        INDEX idx_tasks_organization_status_created_at ON tasks (organization_id, status, created_at);
CREATE        INDEX idx_tasks_agent_role                    ON tasks (agent_role_id);
-- PostgreSQL only: containment queries on parameters.
CREATE INDEX idx_pg_tasks_parameters ON tasks USING gin (parameters jsonb_path_ops);


-- -------------------------------------------------------------------------------------
-- task_dependencies: DAG edges. task_id waits for depends_on_task_id.
-- -------------------------------------------------------------------------------------
CREATE TABLE task_dependencies (
    id                 uuid        NOT NULL DEFAULT gen_random_uuid(),
    task_id            uuid        NOT NULL,
    depends_on_task_id uuid        NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_task_dependencies            PRIMARY KEY (id),
    CONSTRAINT fk_task_dependencies_task       FOREIGN KEY (task_id)
        REFERENCES tasks (id) ON DELETE CASCADE,
    CONSTRAINT fk_task_dependencies_depends_on FOREIGN KEY (depends_on_task_id)
        REFERENCES tasks (id) ON DELETE CASCADE,
    CONSTRAINT ck_task_dependencies_not_self   CHECK (task_id <> depends_on_task_id)
);

CREATE UNIQUE INDEX uq_task_dependencies_pair       ON task_dependencies (task_id, depends_on_task_id);
-- "Which tasks wait for this one?" when a task finishes.
CREATE        INDEX idx_task_dependencies_depends_on ON task_dependencies (depends_on_task_id);


-- -------------------------------------------------------------------------------------
-- task_executions: one row per attempt of a task (created when a worker claims it).
-- -------------------------------------------------------------------------------------
CREATE TABLE task_executions (
    id                    uuid         NOT NULL DEFAULT gen_random_uuid(),
    organization_id       uuid         NOT NULL,
    task_id               uuid         NOT NULL,
    workflow_execution_id uuid,
    attempt               integer      NOT NULL,
    status                varchar(20)  NOT NULL DEFAULT 'running',
    worker                varchar(255),
    result                jsonb,
    output                text,
    error_message         text,
    exit_code             integer,
    started_at            timestamptz,
    completed_at          timestamptz,
    duration_ms           bigint,
    created_at            timestamptz  NOT NULL DEFAULT now(),
    updated_at            timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_task_executions                    PRIMARY KEY (id),
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
-- logs: the log store. organization_id is NULL for system rows. component is a free
-- name (not a foreign key: logs may come from parts that never registered).
-- All references are optional: when the workflow/run/task goes, the log line stays and
-- loses the link (retention deletes logs by age).
-- -------------------------------------------------------------------------------------
CREATE TABLE logs (
    id                    uuid         NOT NULL DEFAULT gen_random_uuid(),
    organization_id       uuid,
    level                 varchar(10)  NOT NULL,
    component             varchar(255) NOT NULL,
    message               text         NOT NULL,
    context               jsonb        NOT NULL DEFAULT '{}',
    workflow_id           uuid,
    workflow_execution_id uuid,
    task_id               uuid,
    task_execution_id     uuid,
    created_at            timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_logs                    PRIMARY KEY (id),
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

CREATE INDEX idx_logs_component_level_created_at   ON logs (component, level, created_at);
CREATE INDEX idx_logs_level_created_at             ON logs (level, created_at);
CREATE INDEX idx_logs_created_at                   ON logs (created_at);
CREATE INDEX idx_logs_organization_created_at      ON logs (organization_id, created_at);
CREATE INDEX idx_logs_workflow_created_at          ON logs (workflow_id, created_at);
CREATE INDEX idx_logs_workflow_execution_created_at ON logs (workflow_execution_id, created_at);
CREATE INDEX idx_logs_task_created_at              ON logs (task_id, created_at);
CREATE INDEX idx_logs_task_execution_created_at    ON logs (task_execution_id, created_at);


-- -------------------------------------------------------------------------------------
-- audit_log: append-only record of every change. organization_id is NULL for
-- installation-wide changes (e.g. global configurations).
-- Actors are SET NULL when deleted; actor_type and actor_label keep the row readable.
-- The organization is RESTRICT: an organization that still has audit history cannot be
-- deleted by accident; the GDPR delete exports and deletes its audit rows first, on
-- purpose. (No cascade path deletes audit rows, so this RESTRICT is order-independent.)
-- -------------------------------------------------------------------------------------
CREATE TABLE audit_log (
    id               uuid         NOT NULL DEFAULT gen_random_uuid(),
    organization_id  uuid,
    actor_type       varchar(20)  NOT NULL,
    actor_user_id    uuid,
    actor_api_key_id uuid,
    actor_label      varchar(255),
    action           varchar(100) NOT NULL,
    entity_type      varchar(100) NOT NULL,
    entity_id        varchar(255),
    before_data      jsonb,
    after_data       jsonb,
    ip_address       varchar(45),
    user_agent       text,
    request_id       varchar(100),
    created_at       timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_audit_log               PRIMARY KEY (id),
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
-- configurations: settings, installation-wide (organization_id NULL) or per
-- organization. value is text (sensitive values hold ciphertext, written by the data
-- layer); type says how to read it.
-- -------------------------------------------------------------------------------------
CREATE TABLE configurations (
    id              uuid         NOT NULL DEFAULT gen_random_uuid(),
    organization_id uuid,
    key             varchar(255) NOT NULL,
    value           text,
    type            varchar(20)  NOT NULL DEFAULT 'string',
    description     text,
    is_sensitive    boolean      NOT NULL DEFAULT false,
    lock_version    integer      NOT NULL DEFAULT 1,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    updated_at      timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_configurations              PRIMARY KEY (id),
    CONSTRAINT fk_configurations_organization FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE CASCADE,
    CONSTRAINT ck_configurations_key          CHECK (key <> ''),
    CONSTRAINT ck_configurations_type         CHECK (type IN ('string', 'integer', 'number', 'boolean', 'json')),
    CONSTRAINT ck_configurations_lock_version CHECK (lock_version >= 1)
);

-- One row per key per organization ...
CREATE UNIQUE INDEX uq_configurations_organization_key ON configurations (organization_id, key);
-- ... and one installation-wide row per key (NULLs are distinct in the index above).
CREATE UNIQUE INDEX uq_configurations_global_key ON configurations (key)
    WHERE organization_id IS NULL;


-- -------------------------------------------------------------------------------------
-- components: registered parts of the installation (servers, workers, the database,
-- caches, external services) and their health. Installation-wide, not org-owned.
-- -------------------------------------------------------------------------------------
CREATE TABLE components (
    id                   uuid         NOT NULL DEFAULT gen_random_uuid(),
    name                 varchar(255) NOT NULL,
    type                 varchar(100) NOT NULL,
    status               varchar(20)  NOT NULL DEFAULT 'active',
    health               varchar(20)  NOT NULL DEFAULT 'unknown',
    version              varchar(100),
    configuration        jsonb        NOT NULL DEFAULT '{}',
    endpoints            jsonb        NOT NULL DEFAULT '{}',
    health_check_url     text,
    health_details       jsonb        NOT NULL DEFAULT '{}',
    dependencies         jsonb        NOT NULL DEFAULT '[]',
    metadata             jsonb        NOT NULL DEFAULT '{}',
    last_heartbeat_at    timestamptz,
    last_health_check_at timestamptz,
    lock_version         integer      NOT NULL DEFAULT 1,
    created_at           timestamptz  NOT NULL DEFAULT now(),
    updated_at           timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_components              PRIMARY KEY (id),
    CONSTRAINT ck_components_name         CHECK (name <> ''),
    CONSTRAINT ck_components_type         CHECK (type <> ''),
    CONSTRAINT ck_components_status       CHECK (status IN ('active', 'inactive', 'maintenance', 'retired')),
    CONSTRAINT ck_components_health       CHECK (health IN ('healthy', 'degraded', 'unhealthy', 'unknown')),
    CONSTRAINT ck_components_dependencies CHECK (jsonb_typeof(dependencies) = 'array'),
    CONSTRAINT ck_components_lock_version CHECK (lock_version >= 1)
);

CREATE UNIQUE INDEX uq_components_name                ON components (name);
CREATE        INDEX idx_components_status_health      ON components (status, health);
CREATE        INDEX idx_components_last_heartbeat_at  ON components (last_heartbeat_at);


-- -------------------------------------------------------------------------------------
-- system_metrics: time series samples (append-only).
-- -------------------------------------------------------------------------------------
CREATE TABLE system_metrics (
    id           uuid             NOT NULL DEFAULT gen_random_uuid(),
    component_id uuid,
    name         varchar(255)     NOT NULL,
    metric_type  varchar(20)      NOT NULL DEFAULT 'gauge',
    value        double precision NOT NULL,
    unit         varchar(50),
    labels       jsonb            NOT NULL DEFAULT '{}',
    recorded_at  timestamptz      NOT NULL DEFAULT now(),
    CONSTRAINT pk_system_metrics             PRIMARY KEY (id),
    CONSTRAINT fk_system_metrics_component   FOREIGN KEY (component_id)
        REFERENCES components (id) ON DELETE SET NULL,
    CONSTRAINT ck_system_metrics_name        CHECK (name <> ''),
    CONSTRAINT ck_system_metrics_metric_type CHECK (metric_type IN ('gauge', 'counter', 'histogram', 'summary'))
);

CREATE INDEX idx_system_metrics_name_recorded_at      ON system_metrics (name, recorded_at);
CREATE INDEX idx_system_metrics_recorded_at           ON system_metrics (recorded_at);
CREATE INDEX idx_system_metrics_component_recorded_at ON system_metrics (component_id, recorded_at);


-- -------------------------------------------------------------------------------------
-- seed_runs: one row per seed applied (by the seeding feature); the latest row per
-- (name, environment) is the current state, checksum detects a changed seed.
-- -------------------------------------------------------------------------------------
CREATE TABLE seed_runs (
    id          uuid         NOT NULL DEFAULT gen_random_uuid(),
    name        varchar(255) NOT NULL,
    environment varchar(50)  NOT NULL,
    checksum    varchar(128) NOT NULL,
    applied_at  timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_seed_runs             PRIMARY KEY (id),
    CONSTRAINT ck_seed_runs_name        CHECK (name <> ''),
    CONSTRAINT ck_seed_runs_environment CHECK (environment <> ''),
    CONSTRAINT ck_seed_runs_checksum    CHECK (checksum <> '')
);

CREATE INDEX idx_seed_runs_name_environment ON seed_runs (name, environment, applied_at);


-- -------------------------------------------------------------------------------------
-- updated_at triggers (one per editable table)
-- -------------------------------------------------------------------------------------
CREATE TRIGGER trg_organizations_updated_at       BEFORE UPDATE ON organizations
    FOR EACH ROW EXECUTE FUNCTION flowbase_touch_updated_at();
CREATE TRIGGER trg_users_updated_at               BEFORE UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION flowbase_touch_updated_at();
CREATE TRIGGER trg_api_keys_updated_at            BEFORE UPDATE ON api_keys
    FOR EACH ROW EXECUTE FUNCTION flowbase_touch_updated_at();
CREATE TRIGGER trg_agent_roles_updated_at         BEFORE UPDATE ON agent_roles
    FOR EACH ROW EXECUTE FUNCTION flowbase_touch_updated_at();
CREATE TRIGGER trg_workflows_updated_at           BEFORE UPDATE ON workflows
    FOR EACH ROW EXECUTE FUNCTION flowbase_touch_updated_at();
CREATE TRIGGER trg_workflow_executions_updated_at BEFORE UPDATE ON workflow_executions
    FOR EACH ROW EXECUTE FUNCTION flowbase_touch_updated_at();
CREATE TRIGGER trg_tasks_updated_at               BEFORE UPDATE ON tasks
    FOR EACH ROW EXECUTE FUNCTION flowbase_touch_updated_at();
CREATE TRIGGER trg_task_executions_updated_at     BEFORE UPDATE ON task_executions
    FOR EACH ROW EXECUTE FUNCTION flowbase_touch_updated_at();
CREATE TRIGGER trg_configurations_updated_at      BEFORE UPDATE ON configurations
    FOR EACH ROW EXECUTE FUNCTION flowbase_touch_updated_at();
CREATE TRIGGER trg_components_updated_at          BEFORE UPDATE ON components
    FOR EACH ROW EXECUTE FUNCTION flowbase_touch_updated_at();
