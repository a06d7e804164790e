-- =====================================================================================
-- Flowbase core schema, version 1 -- MariaDB 10.7+ (tested on 10.11), InnoDB
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
-- Engine choices (MariaDB)
--   ids        native UUID type (MariaDB 10.7+; 16 bytes, shown as text), DEFAULT (UUID()).
--              This is why this file needs 10.7+ although Flowbase otherwise runs on 10.6.
--              UUID() makes time-based v1 ids, which the UUID type stores in index-friendly
--              order; ids written by the application (v4/v7) are stored as given.
--   JSON       JSON = LONGTEXT with an automatic CHECK (json_valid(col)).
--   times      DATETIME(6) holding UTC. Flowbase writes UTC values; TIMESTAMP is not used
--              because it converts through the session time_zone. Defaults use
--              UTC_TIMESTAMP(6), which does not depend on the session time_zone (unlike
--              CURRENT_TIMESTAMP(6) / ON UPDATE CURRENT_TIMESTAMP).
--   booleans   BOOLEAN (= TINYINT(1)) with CHECK (col IN (0, 1)).
--   text       every table is utf8mb4 with the utf8mb4_bin collation: comparisons, CHECKs
--              and unique indexes are case-sensitive, exactly as on PostgreSQL and SQLite
--              (with a _ci collation 'PENDING' would pass the status CHECKs and
--              'A@x.org' would collide with 'a@x.org').
--   updated_at a BEFORE UPDATE trigger per table (single statement, no BEGIN ... END):
--              an UPDATE that leaves updated_at unchanged gets UTC_TIMESTAMP(6), one that
--              sets it explicitly keeps its value. InnoDB foreign-key actions (cascaded
--              SET NULL) do not fire triggers.
--   lock_version  optimistic-lock counter (integer, starts at 1) on workflows, tasks,
--              agent_roles, configurations, components; the application increments it.
--              It is NOT workflows.version (the latest published version number).
--   `key`      configurations.key is a reserved word here: quote it as `key`.
--   indexes    declared inside CREATE TABLE so that InnoDB uses them for the foreign keys
--              instead of creating its own (which would break index-name parity).
--              No partial indexes: idx_tasks_claim, idx_tasks_lease_expiry and
--              idx_tasks_dead_letter cover all rows. uq_configurations_global_key is a
--              unique index on the INVISIBLE virtual column global_key.
--              DESC in idx_tasks_claim is honoured from MariaDB 10.8.
--   DDL is not transactional on MariaDB: if this file stops half-way, run the undo
--   (U1, which uses IF EXISTS) and apply again.
-- =====================================================================================


-- -------------------------------------------------------------------------------------
-- organizations: the tenant. Everything org-owned references it.
-- -------------------------------------------------------------------------------------
CREATE TABLE organizations (
    id           UUID         NOT NULL DEFAULT (UUID()),
    name         VARCHAR(255) NOT NULL,
    slug         VARCHAR(100) NOT NULL,
    status       VARCHAR(20)  NOT NULL DEFAULT 'active',
    settings     JSON         NOT NULL DEFAULT '{}',
    created_at   DATETIME(6)  NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    updated_at   DATETIME(6)  NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    CONSTRAINT pk_organizations PRIMARY KEY (id),
    UNIQUE KEY uq_organizations_slug (slug),
    CONSTRAINT ck_organizations_status CHECK (status IN ('active', 'suspended')),
    CONSTRAINT ck_organizations_slug   CHECK (slug <> '' AND slug = LOWER(slug))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;


-- -------------------------------------------------------------------------------------
-- users: people of an organization. access_role is an ACCESS role (admin/operator/
-- viewer), never an agent role. Emails are stored lower-case.
-- -------------------------------------------------------------------------------------
CREATE TABLE users (
    id              UUID         NOT NULL DEFAULT (UUID()),
    organization_id UUID         NOT NULL,
    email           VARCHAR(320) NOT NULL,
    name            VARCHAR(255),
    access_role     VARCHAR(20)  NOT NULL DEFAULT 'viewer',
    status          VARCHAR(20)  NOT NULL DEFAULT 'active',
    created_at      DATETIME(6)  NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    updated_at      DATETIME(6)  NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    CONSTRAINT pk_users PRIMARY KEY (id),
    UNIQUE KEY uq_users_organization_email (organization_id, email),
    CONSTRAINT fk_users_organization FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE CASCADE,
    CONSTRAINT ck_users_email       CHECK (email = LOWER(email) AND email LIKE '%_@_%'),
    CONSTRAINT ck_users_access_role CHECK (access_role IN ('admin', 'operator', 'viewer')),
    CONSTRAINT ck_users_status      CHECK (status IN ('invited', 'active', 'disabled'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;


-- -------------------------------------------------------------------------------------
-- api_keys: only a hash of the key is stored, never the key.
-- -------------------------------------------------------------------------------------
CREATE TABLE api_keys (
    id              UUID         NOT NULL DEFAULT (UUID()),
    organization_id UUID         NOT NULL,
    name            VARCHAR(255) NOT NULL,
    key_hash        VARCHAR(128) NOT NULL,
    key_prefix      VARCHAR(16)  NOT NULL,
    access_role     VARCHAR(20)  NOT NULL DEFAULT 'viewer',
    scopes          JSON         NOT NULL DEFAULT '[]',
    created_by      UUID,
    last_used_at    DATETIME(6),
    expires_at      DATETIME(6),
    revoked_at      DATETIME(6),
    created_at      DATETIME(6)  NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    updated_at      DATETIME(6)  NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    CONSTRAINT pk_api_keys PRIMARY KEY (id),
    UNIQUE KEY uq_api_keys_key_hash      (key_hash),
    KEY        idx_api_keys_organization (organization_id),
    KEY        idx_api_keys_created_by   (created_by),
    CONSTRAINT fk_api_keys_organization FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE CASCADE,
    CONSTRAINT fk_api_keys_created_by   FOREIGN KEY (created_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT ck_api_keys_key_hash    CHECK (key_hash <> ''),
    CONSTRAINT ck_api_keys_key_prefix  CHECK (key_prefix <> ''),
    CONSTRAINT ck_api_keys_access_role CHECK (access_role IN ('admin', 'operator', 'viewer')),
    CONSTRAINT ck_api_keys_scopes      CHECK (JSON_TYPE(scopes) = 'ARRAY')
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;


-- -------------------------------------------------------------------------------------
-- agent_roles: AI agent role definitions; current_version NULL until first published.
-- -------------------------------------------------------------------------------------
CREATE TABLE agent_roles (
    id              UUID         NOT NULL DEFAULT (UUID()),
    organization_id UUID         NOT NULL,
    name            VARCHAR(255) NOT NULL,
    description     TEXT,
    system_prompt   TEXT         NOT NULL,
    model           VARCHAR(255),
    tools           JSON         NOT NULL DEFAULT '[]',
    parameters      JSON         NOT NULL DEFAULT '{}',
    metadata        JSON         NOT NULL DEFAULT '{}',
    status          VARCHAR(20)  NOT NULL DEFAULT 'draft',
    current_version INT,
    created_by      UUID,
    lock_version    INT          NOT NULL DEFAULT 1,
    created_at      DATETIME(6)  NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    updated_at      DATETIME(6)  NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    CONSTRAINT pk_agent_roles PRIMARY KEY (id),
    UNIQUE KEY uq_agent_roles_organization_name    (organization_id, name),
    KEY        idx_agent_roles_organization_status (organization_id, status),
    KEY        idx_agent_roles_created_by          (created_by),
    CONSTRAINT fk_agent_roles_organization FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE CASCADE,
    CONSTRAINT fk_agent_roles_created_by   FOREIGN KEY (created_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT ck_agent_roles_name            CHECK (name <> ''),
    CONSTRAINT ck_agent_roles_status          CHECK (status IN ('draft', 'active', 'deprecated', 'archived')),
    CONSTRAINT ck_agent_roles_tools           CHECK (JSON_TYPE(tools) = 'ARRAY'),
    CONSTRAINT ck_agent_roles_current_version CHECK (current_version IS NULL OR current_version >= 1),
    CONSTRAINT ck_agent_roles_lock_version    CHECK (lock_version >= 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;


-- -------------------------------------------------------------------------------------
-- agent_role_versions: immutable snapshot per published version of a role.
-- -------------------------------------------------------------------------------------
CREATE TABLE agent_role_versions (
    id            UUID         NOT NULL DEFAULT (UUID()),
    agent_role_id UUID         NOT NULL,
    version       INT          NOT NULL,
    system_prompt TEXT         NOT NULL,
    model         VARCHAR(255),
    tools         JSON         NOT NULL DEFAULT '[]',
    parameters    JSON         NOT NULL DEFAULT '{}',
    change_note   TEXT,
    created_by    UUID,
    created_at    DATETIME(6)  NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    CONSTRAINT pk_agent_role_versions PRIMARY KEY (id),
    UNIQUE KEY uq_agent_role_versions_agent_role_version (agent_role_id, version),
    KEY        idx_agent_role_versions_created_by        (created_by),
    CONSTRAINT fk_agent_role_versions_agent_role FOREIGN KEY (agent_role_id)
        REFERENCES agent_roles (id) ON DELETE CASCADE,
    CONSTRAINT fk_agent_role_versions_created_by FOREIGN KEY (created_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT ck_agent_role_versions_version CHECK (version >= 1),
    CONSTRAINT ck_agent_role_versions_tools   CHECK (JSON_TYPE(tools) = 'ARRAY')
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;


-- -------------------------------------------------------------------------------------
-- agent_role_dependencies: role agent_role_id depends on depends_on_agent_role_id.
-- Both sides CASCADE (a RESTRICT would make organization deletes fail depending on
-- cascade order); "do not delete a role others depend on" is a data-layer check.
-- -------------------------------------------------------------------------------------
CREATE TABLE agent_role_dependencies (
    id                       UUID        NOT NULL DEFAULT (UUID()),
    agent_role_id            UUID        NOT NULL,
    depends_on_agent_role_id UUID        NOT NULL,
    created_at               DATETIME(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    CONSTRAINT pk_agent_role_dependencies PRIMARY KEY (id),
    UNIQUE KEY uq_agent_role_dependencies_pair        (agent_role_id, depends_on_agent_role_id),
    KEY        idx_agent_role_dependencies_depends_on (depends_on_agent_role_id),
    CONSTRAINT fk_agent_role_dependencies_agent_role FOREIGN KEY (agent_role_id)
        REFERENCES agent_roles (id) ON DELETE CASCADE,
    CONSTRAINT fk_agent_role_dependencies_depends_on FOREIGN KEY (depends_on_agent_role_id)
        REFERENCES agent_roles (id) ON DELETE CASCADE,
    CONSTRAINT ck_agent_role_dependencies_not_self CHECK (agent_role_id <> depends_on_agent_role_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;


-- -------------------------------------------------------------------------------------
-- workflows: workflow definitions; version = latest published version number.
-- -------------------------------------------------------------------------------------
CREATE TABLE workflows (
    id                    UUID         NOT NULL DEFAULT (UUID()),
    organization_id       UUID         NOT NULL,
    name                  VARCHAR(255) NOT NULL,
    description           TEXT,
    type                  VARCHAR(100) NOT NULL DEFAULT 'general',
    status                VARCHAR(20)  NOT NULL DEFAULT 'draft',
    priority              INT          NOT NULL DEFAULT 0,
    definition            JSON         NOT NULL DEFAULT '{}',
    configuration         JSON         NOT NULL DEFAULT '{}',
    environment_variables JSON         NOT NULL DEFAULT '{}',
    tags                  JSON         NOT NULL DEFAULT '[]',
    version               INT,
    metadata              JSON         NOT NULL DEFAULT '{}',
    created_by            UUID,
    parent_workflow_id    UUID,
    scheduled_at          DATETIME(6),
    started_at            DATETIME(6),
    completed_at          DATETIME(6),
    timeout_seconds       INT,
    lock_version          INT          NOT NULL DEFAULT 1,
    created_at            DATETIME(6)  NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    updated_at            DATETIME(6)  NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    CONSTRAINT pk_workflows PRIMARY KEY (id),
    KEY idx_workflows_status_created_at              (status, created_at),
    KEY idx_workflows_organization_status_created_at (organization_id, status, created_at),
    KEY idx_workflows_organization_name              (organization_id, name),
    KEY idx_workflows_status_scheduled_at            (status, scheduled_at),
    KEY idx_workflows_created_by                     (created_by),
    KEY idx_workflows_parent_workflow                (parent_workflow_id),
    CONSTRAINT fk_workflows_organization    FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE CASCADE,
    CONSTRAINT fk_workflows_created_by      FOREIGN KEY (created_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT fk_workflows_parent_workflow FOREIGN KEY (parent_workflow_id)
        REFERENCES workflows (id) ON DELETE SET NULL,
    CONSTRAINT ck_workflows_name            CHECK (name <> ''),
    CONSTRAINT ck_workflows_type            CHECK (type <> ''),
    CONSTRAINT ck_workflows_status          CHECK (status IN ('draft', 'active', 'paused', 'archived')),
    CONSTRAINT ck_workflows_tags            CHECK (JSON_TYPE(tags) = 'ARRAY'),
    CONSTRAINT ck_workflows_version         CHECK (version IS NULL OR version >= 1),
    CONSTRAINT ck_workflows_timeout_seconds CHECK (timeout_seconds IS NULL OR timeout_seconds > 0),
    CONSTRAINT ck_workflows_lock_version    CHECK (lock_version >= 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;


-- -------------------------------------------------------------------------------------
-- workflow_versions: full history, one immutable row per published version.
-- -------------------------------------------------------------------------------------
CREATE TABLE workflow_versions (
    id            UUID        NOT NULL DEFAULT (UUID()),
    workflow_id   UUID        NOT NULL,
    version       INT         NOT NULL,
    definition    JSON        NOT NULL,
    configuration JSON        NOT NULL DEFAULT '{}',
    change_note   TEXT,
    created_by    UUID,
    created_at    DATETIME(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    CONSTRAINT pk_workflow_versions PRIMARY KEY (id),
    UNIQUE KEY uq_workflow_versions_workflow_version (workflow_id, version),
    KEY        idx_workflow_versions_created_by      (created_by),
    CONSTRAINT fk_workflow_versions_workflow   FOREIGN KEY (workflow_id)
        REFERENCES workflows (id) ON DELETE CASCADE,
    CONSTRAINT fk_workflow_versions_created_by FOREIGN KEY (created_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT ck_workflow_versions_version CHECK (version >= 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;


-- -------------------------------------------------------------------------------------
-- workflow_executions: one row per run (attempt) of a workflow. workflow_version is the
-- published version number that ran (NULL = the draft), deliberately not a foreign key.
-- -------------------------------------------------------------------------------------
CREATE TABLE workflow_executions (
    id               UUID         NOT NULL DEFAULT (UUID()),
    organization_id  UUID         NOT NULL,
    workflow_id      UUID         NOT NULL,
    workflow_version INT,
    attempt          INT          NOT NULL DEFAULT 1,
    status           VARCHAR(20)  NOT NULL DEFAULT 'queued',
    worker           VARCHAR(255),
    triggered_by     UUID,
    input            JSON         NOT NULL DEFAULT '{}',
    result           JSON,
    output           TEXT,
    error_message    TEXT,
    metadata         JSON         NOT NULL DEFAULT '{}',
    started_at       DATETIME(6),
    completed_at     DATETIME(6),
    duration_ms      BIGINT,
    created_at       DATETIME(6)  NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    updated_at       DATETIME(6)  NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    CONSTRAINT pk_workflow_executions PRIMARY KEY (id),
    KEY idx_workflow_executions_workflow_status         (workflow_id, status, created_at),
    KEY idx_workflow_executions_status_created_at       (status, created_at),
    KEY idx_workflow_executions_organization_created_at (organization_id, created_at),
    KEY idx_workflow_executions_triggered_by            (triggered_by),
    CONSTRAINT fk_workflow_executions_organization FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE CASCADE,
    CONSTRAINT fk_workflow_executions_workflow     FOREIGN KEY (workflow_id)
        REFERENCES workflows (id) ON DELETE CASCADE,
    CONSTRAINT fk_workflow_executions_triggered_by FOREIGN KEY (triggered_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT ck_workflow_executions_status      CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled', 'timed_out')),
    CONSTRAINT ck_workflow_executions_attempt     CHECK (attempt >= 1),
    CONSTRAINT ck_workflow_executions_version     CHECK (workflow_version IS NULL OR workflow_version >= 1),
    CONSTRAINT ck_workflow_executions_duration_ms CHECK (duration_ms IS NULL OR duration_ms >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;


-- -------------------------------------------------------------------------------------
-- tasks: units of work and the durable task queue (see postgresql/V1 for the protocol).
-- Claim: WHERE queue_name = ? AND status = 'ready' AND run_at <= UTC_TIMESTAMP(6)
--        ORDER BY priority DESC, run_at LIMIT n FOR UPDATE SKIP LOCKED (10.6+).
-- -------------------------------------------------------------------------------------
CREATE TABLE tasks (
    id                         UUID         NOT NULL DEFAULT (UUID()),
    organization_id            UUID         NOT NULL,
    workflow_id                UUID,
    workflow_execution_id      UUID,
    agent_role_id              UUID,
    name                       VARCHAR(255) NOT NULL,
    description                TEXT,
    type                       VARCHAR(100) NOT NULL DEFAULT 'task',
    status                     VARCHAR(20)  NOT NULL DEFAULT 'pending',
    priority                   INT          NOT NULL DEFAULT 0,
    command                    TEXT,
    parameters                 JSON         NOT NULL DEFAULT '{}',
    environment                JSON         NOT NULL DEFAULT '{}',
    working_directory          TEXT,
    execution_order            INT          NOT NULL DEFAULT 0,
    retry_count                INT          NOT NULL DEFAULT 0,
    max_retries                INT          NOT NULL DEFAULT 3,
    result                     JSON,
    output                     TEXT,
    error_message              TEXT,
    exit_code                  INT,
    estimated_duration_seconds INT,
    timeout_seconds            INT,
    queue_name                 VARCHAR(100) NOT NULL DEFAULT 'default',
    run_at                     DATETIME(6)  NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    lease_owner                VARCHAR(255),
    lease_expires_at           DATETIME(6),
    heartbeat_at               DATETIME(6),
    attempt                    INT          NOT NULL DEFAULT 0,
    idempotency_key            VARCHAR(255),
    dead_lettered_at           DATETIME(6),
    started_at                 DATETIME(6),
    completed_at               DATETIME(6),
    lock_version               INT          NOT NULL DEFAULT 1,
    created_at                 DATETIME(6)  NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    updated_at                 DATETIME(6)  NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    CONSTRAINT pk_tasks PRIMARY KEY (id),
    KEY        idx_tasks_claim                          (queue_name, status, priority DESC, run_at),
    KEY        idx_tasks_lease_expiry                   (status, lease_expires_at),
    KEY        idx_tasks_dead_letter                    (queue_name, dead_lettered_at),
    UNIQUE KEY uq_tasks_queue_idempotency_key           (queue_name, idempotency_key),
    KEY        idx_tasks_workflow_status                (workflow_id, status),
    KEY        idx_tasks_workflow_execution_status      (workflow_execution_id, status),
    KEY        idx_tasks_organization_status_created_at (organization_id, status, created_at),
    KEY        idx_tasks_agent_role                     (agent_role_id),
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
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;


-- -------------------------------------------------------------------------------------
-- task_dependencies: DAG edges. task_id waits for depends_on_task_id.
-- -------------------------------------------------------------------------------------
CREATE TABLE task_dependencies (
    id                 UUID        NOT NULL DEFAULT (UUID()),
    task_id            UUID        NOT NULL,
    depends_on_task_id UUID        NOT NULL,
    created_at         DATETIME(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    CONSTRAINT pk_task_dependencies PRIMARY KEY (id),
    UNIQUE KEY uq_task_dependencies_pair        (task_id, depends_on_task_id),
    KEY        idx_task_dependencies_depends_on (depends_on_task_id),
    CONSTRAINT fk_task_dependencies_task       FOREIGN KEY (task_id)
        REFERENCES tasks (id) ON DELETE CASCADE,
    CONSTRAINT fk_task_dependencies_depends_on FOREIGN KEY (depends_on_task_id)
        REFERENCES tasks (id) ON DELETE CASCADE,
    CONSTRAINT ck_task_dependencies_not_self CHECK (task_id <> depends_on_task_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;


-- -------------------------------------------------------------------------------------
-- task_executions: one row per attempt of a task.
-- -------------------------------------------------------------------------------------
CREATE TABLE task_executions (
    id                    UUID         NOT NULL DEFAULT (UUID()),
    organization_id       UUID         NOT NULL,
    task_id               UUID         NOT NULL,
    workflow_execution_id UUID,
    attempt               INT          NOT NULL,
    status                VARCHAR(20)  NOT NULL DEFAULT 'running',
    worker                VARCHAR(255),
    result                JSON,
    output                TEXT,
    error_message         TEXT,
    exit_code             INT,
    started_at            DATETIME(6),
    completed_at          DATETIME(6),
    duration_ms           BIGINT,
    created_at            DATETIME(6)  NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    updated_at            DATETIME(6)  NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    CONSTRAINT pk_task_executions PRIMARY KEY (id),
    UNIQUE KEY uq_task_executions_task_attempt               (task_id, attempt),
    KEY        idx_task_executions_workflow_execution_status (workflow_execution_id, status),
    KEY        idx_task_executions_status_created_at         (status, created_at),
    KEY        idx_task_executions_organization_created_at   (organization_id, created_at),
    KEY        idx_task_executions_worker_status             (worker, status),
    CONSTRAINT fk_task_executions_organization       FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE CASCADE,
    CONSTRAINT fk_task_executions_task               FOREIGN KEY (task_id)
        REFERENCES tasks (id) ON DELETE CASCADE,
    CONSTRAINT fk_task_executions_workflow_execution FOREIGN KEY (workflow_execution_id)
        REFERENCES workflow_executions (id) ON DELETE CASCADE,
    CONSTRAINT ck_task_executions_status      CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled', 'timed_out')),
    CONSTRAINT ck_task_executions_attempt     CHECK (attempt >= 1),
    CONSTRAINT ck_task_executions_duration_ms CHECK (duration_ms IS NULL OR duration_ms >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;


-- -------------------------------------------------------------------------------------
-- logs: the log store; organization_id NULL for system rows; references SET NULL.
-- -------------------------------------------------------------------------------------
CREATE TABLE logs (
    id                    UUID         NOT NULL DEFAULT (UUID()),
    organization_id       UUID,
    level                 VARCHAR(10)  NOT NULL,
    component             VARCHAR(255) NOT NULL,
    message               TEXT         NOT NULL,
    context               JSON         NOT NULL DEFAULT '{}',
    workflow_id           UUID,
    workflow_execution_id UUID,
    task_id               UUID,
    task_execution_id     UUID,
    created_at            DATETIME(6)  NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    CONSTRAINT pk_logs PRIMARY KEY (id),
    KEY idx_logs_component_level_created_at    (component, level, created_at),
    KEY idx_logs_level_created_at              (level, created_at),
    KEY idx_logs_created_at                    (created_at),
    KEY idx_logs_organization_created_at       (organization_id, created_at),
    KEY idx_logs_workflow_created_at           (workflow_id, created_at),
    KEY idx_logs_workflow_execution_created_at (workflow_execution_id, created_at),
    KEY idx_logs_task_created_at               (task_id, created_at),
    KEY idx_logs_task_execution_created_at     (task_execution_id, created_at),
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
    CONSTRAINT ck_logs_level     CHECK (level IN ('debug', 'info', 'warn', 'error', 'fatal')),
    CONSTRAINT ck_logs_component CHECK (component <> '')
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;


-- -------------------------------------------------------------------------------------
-- audit_log: append-only; organization RESTRICT (audit history must be removed on
-- purpose before its organization can go), actors SET NULL (actor_label stays).
-- -------------------------------------------------------------------------------------
CREATE TABLE audit_log (
    id               UUID         NOT NULL DEFAULT (UUID()),
    organization_id  UUID,
    actor_type       VARCHAR(20)  NOT NULL,
    actor_user_id    UUID,
    actor_api_key_id UUID,
    actor_label      VARCHAR(255),
    action           VARCHAR(100) NOT NULL,
    entity_type      VARCHAR(100) NOT NULL,
    entity_id        VARCHAR(255),
    before_data      JSON,
    after_data       JSON,
    ip_address       VARCHAR(45),
    user_agent       TEXT,
    request_id       VARCHAR(100),
    created_at       DATETIME(6)  NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    CONSTRAINT pk_audit_log PRIMARY KEY (id),
    KEY idx_audit_log_organization_created_at (organization_id, created_at),
    KEY idx_audit_log_entity                  (entity_type, entity_id, created_at),
    KEY idx_audit_log_actor_user              (actor_user_id, created_at),
    KEY idx_audit_log_actor_api_key           (actor_api_key_id, created_at),
    KEY idx_audit_log_created_at              (created_at),
    CONSTRAINT fk_audit_log_organization  FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_audit_log_actor_user    FOREIGN KEY (actor_user_id)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT fk_audit_log_actor_api_key FOREIGN KEY (actor_api_key_id)
        REFERENCES api_keys (id) ON DELETE SET NULL,
    CONSTRAINT ck_audit_log_actor_type  CHECK (actor_type IN ('user', 'api_key', 'system')),
    CONSTRAINT ck_audit_log_action      CHECK (action <> ''),
    CONSTRAINT ck_audit_log_entity_type CHECK (entity_type <> '')
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;


-- -------------------------------------------------------------------------------------
-- configurations: installation-wide (organization_id NULL) or per organization.
-- global_key is an INVISIBLE virtual column (not returned by SELECT *, not part of the
-- portable column set): it holds `key` for installation-wide rows and NULL otherwise,
-- so its unique index allows one installation-wide row per key (MariaDB has no partial
-- indexes; PostgreSQL and SQLite use WHERE organization_id IS NULL).
-- -------------------------------------------------------------------------------------
CREATE TABLE configurations (
    id              UUID         NOT NULL DEFAULT (UUID()),
    organization_id UUID,
    `key`           VARCHAR(255) NOT NULL,
    value           TEXT,
    type            VARCHAR(20)  NOT NULL DEFAULT 'string',
    description     TEXT,
    is_sensitive    BOOLEAN      NOT NULL DEFAULT FALSE,
    lock_version    INT          NOT NULL DEFAULT 1,
    created_at      DATETIME(6)  NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    updated_at      DATETIME(6)  NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    global_key      VARCHAR(255) AS (IF(organization_id IS NULL, `key`, NULL)) VIRTUAL INVISIBLE,
    CONSTRAINT pk_configurations PRIMARY KEY (id),
    UNIQUE KEY uq_configurations_organization_key (organization_id, `key`),
    UNIQUE KEY uq_configurations_global_key       (global_key),
    CONSTRAINT fk_configurations_organization FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE CASCADE,
    CONSTRAINT ck_configurations_key          CHECK (`key` <> ''),
    CONSTRAINT ck_configurations_type         CHECK (type IN ('string', 'integer', 'number', 'boolean', 'json')),
    CONSTRAINT ck_configurations_is_sensitive CHECK (is_sensitive IN (0, 1)),
    CONSTRAINT ck_configurations_lock_version CHECK (lock_version >= 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;


-- -------------------------------------------------------------------------------------
-- components: registered parts of the installation and their health.
-- -------------------------------------------------------------------------------------
CREATE TABLE components (
    id                   UUID         NOT NULL DEFAULT (UUID()),
    name                 VARCHAR(255) NOT NULL,
    type                 VARCHAR(100) NOT NULL,
    status               VARCHAR(20)  NOT NULL DEFAULT 'active',
    health               VARCHAR(20)  NOT NULL DEFAULT 'unknown',
    version              VARCHAR(100),
    configuration        JSON         NOT NULL DEFAULT '{}',
    endpoints            JSON         NOT NULL DEFAULT '{}',
    health_check_url     TEXT,
    health_details       JSON         NOT NULL DEFAULT '{}',
    dependencies         JSON         NOT NULL DEFAULT '[]',
    metadata             JSON         NOT NULL DEFAULT '{}',
    last_heartbeat_at    DATETIME(6),
    last_health_check_at DATETIME(6),
    lock_version         INT          NOT NULL DEFAULT 1,
    created_at           DATETIME(6)  NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    updated_at           DATETIME(6)  NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    CONSTRAINT pk_components PRIMARY KEY (id),
    UNIQUE KEY uq_components_name               (name),
    KEY        idx_components_status_health     (status, health),
    KEY        idx_components_last_heartbeat_at (last_heartbeat_at),
    CONSTRAINT ck_components_name         CHECK (name <> ''),
    CONSTRAINT ck_components_type         CHECK (type <> ''),
    CONSTRAINT ck_components_status       CHECK (status IN ('active', 'inactive', 'maintenance', 'retired')),
    CONSTRAINT ck_components_health       CHECK (health IN ('healthy', 'degraded', 'unhealthy', 'unknown')),
    CONSTRAINT ck_components_dependencies CHECK (JSON_TYPE(dependencies) = 'ARRAY'),
    CONSTRAINT ck_components_lock_version CHECK (lock_version >= 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;


-- -------------------------------------------------------------------------------------
-- system_metrics: time series samples (append-only).
-- -------------------------------------------------------------------------------------
CREATE TABLE system_metrics (
    id           UUID         NOT NULL DEFAULT (UUID()),
    component_id UUID,
    name         VARCHAR(255) NOT NULL,
    metric_type  VARCHAR(20)  NOT NULL DEFAULT 'gauge',
    value        DOUBLE       NOT NULL,
    unit         VARCHAR(50),
    labels       JSON         NOT NULL DEFAULT '{}',
    recorded_at  DATETIME(6)  NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    CONSTRAINT pk_system_metrics PRIMARY KEY (id),
    KEY idx_system_metrics_name_recorded_at      (name, recorded_at),
    KEY idx_system_metrics_recorded_at           (recorded_at),
    KEY idx_system_metrics_component_recorded_at (component_id, recorded_at),
    CONSTRAINT fk_system_metrics_component FOREIGN KEY (component_id)
        REFERENCES components (id) ON DELETE SET NULL,
    CONSTRAINT ck_system_metrics_name        CHECK (name <> ''),
    CONSTRAINT ck_system_metrics_metric_type CHECK (metric_type IN ('gauge', 'counter', 'histogram', 'summary'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;


-- -------------------------------------------------------------------------------------
-- seed_runs: one row per seed applied; latest per (name, environment) is current.
-- -------------------------------------------------------------------------------------
CREATE TABLE seed_runs (
    id          UUID         NOT NULL DEFAULT (UUID()),
    name        VARCHAR(255) NOT NULL,
    environment VARCHAR(50)  NOT NULL,
    checksum    VARCHAR(128) NOT NULL,
    applied_at  DATETIME(6)  NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    CONSTRAINT pk_seed_runs PRIMARY KEY (id),
    KEY idx_seed_runs_name_environment (name, environment, applied_at),
    CONSTRAINT ck_seed_runs_name        CHECK (name <> ''),
    CONSTRAINT ck_seed_runs_environment CHECK (environment <> ''),
    CONSTRAINT ck_seed_runs_checksum    CHECK (checksum <> '')
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;


-- -------------------------------------------------------------------------------------
-- updated_at triggers (one per editable table; single statement, no BEGIN ... END)
-- -------------------------------------------------------------------------------------
CREATE TRIGGER trg_organizations_updated_at BEFORE UPDATE ON organizations FOR EACH ROW
    SET NEW.updated_at = IF(NEW.updated_at <=> OLD.updated_at, UTC_TIMESTAMP(6), NEW.updated_at);

CREATE TRIGGER trg_users_updated_at BEFORE UPDATE ON users FOR EACH ROW
    SET NEW.updated_at = IF(NEW.updated_at <=> OLD.updated_at, UTC_TIMESTAMP(6), NEW.updated_at);

CREATE TRIGGER trg_api_keys_updated_at BEFORE UPDATE ON api_keys FOR EACH ROW
    SET NEW.updated_at = IF(NEW.updated_at <=> OLD.updated_at, UTC_TIMESTAMP(6), NEW.updated_at);

CREATE TRIGGER trg_agent_roles_updated_at BEFORE UPDATE ON agent_roles FOR EACH ROW
    SET NEW.updated_at = IF(NEW.updated_at <=> OLD.updated_at, UTC_TIMESTAMP(6), NEW.updated_at);

CREATE TRIGGER trg_workflows_updated_at BEFORE UPDATE ON workflows FOR EACH ROW
    SET NEW.updated_at = IF(NEW.updated_at <=> OLD.updated_at, UTC_TIMESTAMP(6), NEW.updated_at);

CREATE TRIGGER trg_workflow_executions_updated_at BEFORE UPDATE ON workflow_executions FOR EACH ROW
    SET NEW.updated_at = IF(NEW.updated_at <=> OLD.updated_at, UTC_TIMESTAMP(6), NEW.updated_at);

CREATE TRIGGER trg_tasks_updated_at BEFORE UPDATE ON tasks FOR EACH ROW
    SET NEW.updated_at = IF(NEW.updated_at <=> OLD.updated_at, UTC_TIMESTAMP(6), NEW.updated_at);

CREATE TRIGGER trg_task_executions_updated_at BEFORE UPDATE ON task_executions FOR EACH ROW
    SET NEW.updated_at = IF(NEW.updated_at <=> OLD.updated_at, UTC_TIMESTAMP(6), NEW.updated_at);

CREATE TRIGGER trg_configurations_updated_at BEFORE UPDATE ON configurations FOR EACH ROW
    SET NEW.updated_at = IF(NEW.updated_at <=> OLD.updated_at, UTC_TIMESTAMP(6), NEW.updated_at);

CREATE TRIGGER trg_components_updated_at BEFORE UPDATE ON components FOR EACH ROW
    SET NEW.updated_at = IF(NEW.updated_at <=> OLD.updated_at, UTC_TIMESTAMP(6), NEW.updated_at);
