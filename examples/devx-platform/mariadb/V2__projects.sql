-- =====================================================================================
-- DevX Platform example, version 2: projects, services and their history -- MariaDB 10.7+
-- =====================================================================================
-- Creates 5 tables and their updated_at triggers:
--
--   devx_projects, devx_services, devx_generation_history, devx_activity_logs,
--   devx_api_keys
--
-- U2__projects.sql undoes this file. Engine choices: see the header of V1__catalog.sql.
--
-- user_id columns name a user of the application's own user store, which is not part
-- of this set: they carry no foreign key, so the set does not depend on any table
-- outside it. An application that keeps its users in a table of its own can add those
-- foreign keys in a later version.
-- =====================================================================================


-- -------------------------------------------------------------------------------------
-- devx_projects: a user's project; template_id is the template it was started from.
-- -------------------------------------------------------------------------------------
CREATE TABLE devx_projects (
    id             UUID         NOT NULL DEFAULT (UUID()),
    user_id        UUID         NOT NULL,
    template_id    UUID,
    name           VARCHAR(255) NOT NULL,
    slug           VARCHAR(100) NOT NULL,
    description    TEXT,
    status         VARCHAR(20)  NOT NULL DEFAULT 'active',
    repository_url VARCHAR(500),
    settings       JSON         NOT NULL DEFAULT '{}',
    created_at     DATETIME(6)  NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    updated_at     DATETIME(6)  NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    CONSTRAINT pk_devx_projects PRIMARY KEY (id),
    UNIQUE KEY uq_devx_projects_user_slug   (user_id, slug),
    KEY        idx_devx_projects_user_status (user_id, status, created_at),
    KEY        idx_devx_projects_template    (template_id),
    -- The project outlives the template it was generated from.
    CONSTRAINT fk_devx_projects_template FOREIGN KEY (template_id)
        REFERENCES devx_templates (id) ON DELETE SET NULL,
    CONSTRAINT ck_devx_projects_name   CHECK (name <> ''),
    CONSTRAINT ck_devx_projects_slug   CHECK (slug <> '' AND slug = LOWER(slug)),
    CONSTRAINT ck_devx_projects_status CHECK (status IN ('active', 'archived'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;


-- -------------------------------------------------------------------------------------
-- devx_services: services within projects. slug is unique installation-wide.
-- environment_vars is configuration, not a secret store.
-- -------------------------------------------------------------------------------------
CREATE TABLE devx_services (
    id                UUID         NOT NULL DEFAULT (UUID()),
    user_id           UUID         NOT NULL,
    project_id        UUID,
    template_id       UUID,
    name              VARCHAR(255) NOT NULL,
    slug              VARCHAR(255) NOT NULL,
    description       TEXT,
    service_type      VARCHAR(20)  NOT NULL DEFAULT 'api',
    port              INT,
    health_check_url  VARCHAR(500),
    status            VARCHAR(20)  NOT NULL DEFAULT 'inactive',
    deployment_config JSON         NOT NULL DEFAULT '{}',
    environment_vars  JSON         NOT NULL DEFAULT '{}',
    resource_limits   JSON         NOT NULL DEFAULT '{}',
    created_at        DATETIME(6)  NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    updated_at        DATETIME(6)  NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    deployed_at       DATETIME(6),
    CONSTRAINT pk_devx_services PRIMARY KEY (id),
    UNIQUE KEY uq_devx_services_slug            (slug),
    KEY        idx_devx_services_project_status (project_id, status),
    KEY        idx_devx_services_user_status    (user_id, status),
    KEY        idx_devx_services_template       (template_id),
    -- Services are part of their project: they go with it.
    CONSTRAINT fk_devx_services_project  FOREIGN KEY (project_id)
        REFERENCES devx_projects (id) ON DELETE CASCADE,
    CONSTRAINT fk_devx_services_template FOREIGN KEY (template_id)
        REFERENCES devx_templates (id) ON DELETE SET NULL,
    CONSTRAINT ck_devx_services_name         CHECK (name <> ''),
    CONSTRAINT ck_devx_services_slug         CHECK (slug <> '' AND slug = LOWER(slug)),
    CONSTRAINT ck_devx_services_service_type
        CHECK (service_type IN ('api', 'web', 'worker', 'function', 'cron', 'gateway', 'database', 'other')),
    CONSTRAINT ck_devx_services_port         CHECK (port IS NULL OR port BETWEEN 1 AND 65535),
    CONSTRAINT ck_devx_services_status
        CHECK (status IN ('inactive', 'generating', 'building', 'deploying', 'active', 'failed', 'stopped'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;


-- -------------------------------------------------------------------------------------
-- devx_generation_history: one row per code/service generation run. The history
-- outlives what it generated: every reference is SET NULL.
-- -------------------------------------------------------------------------------------
CREATE TABLE devx_generation_history (
    id                UUID        NOT NULL DEFAULT (UUID()),
    user_id           UUID        NOT NULL,
    template_id       UUID,
    project_id        UUID,
    service_id        UUID,
    generation_type   VARCHAR(20) NOT NULL,
    generation_status VARCHAR(20) NOT NULL DEFAULT 'pending',
    input_params      JSON        NOT NULL DEFAULT '{}',
    output_files      JSON        NOT NULL DEFAULT '[]',
    error_message     TEXT,
    execution_time_ms INT,
    created_at        DATETIME(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    completed_at      DATETIME(6),
    CONSTRAINT pk_devx_generation_history PRIMARY KEY (id),
    KEY idx_devx_generation_history_user_created_at   (user_id, created_at),
    KEY idx_devx_generation_history_status_created_at (generation_status, created_at),
    KEY idx_devx_generation_history_template          (template_id),
    KEY idx_devx_generation_history_project           (project_id),
    KEY idx_devx_generation_history_service           (service_id),
    CONSTRAINT fk_devx_generation_history_template FOREIGN KEY (template_id)
        REFERENCES devx_templates (id) ON DELETE SET NULL,
    CONSTRAINT fk_devx_generation_history_project  FOREIGN KEY (project_id)
        REFERENCES devx_projects (id) ON DELETE SET NULL,
    CONSTRAINT fk_devx_generation_history_service  FOREIGN KEY (service_id)
        REFERENCES devx_services (id) ON DELETE SET NULL,
    CONSTRAINT ck_devx_generation_history_generation_type
        CHECK (generation_type IN ('project', 'service', 'component', 'config', 'docs', 'tests', 'other')),
    CONSTRAINT ck_devx_generation_history_generation_status
        CHECK (generation_status IN ('pending', 'running', 'completed', 'failed', 'cancelled')),
    CONSTRAINT ck_devx_generation_history_output_files CHECK (JSON_TYPE(output_files) = 'ARRAY'),
    CONSTRAINT ck_devx_generation_history_execution_time_ms
        CHECK (execution_time_ms IS NULL OR execution_time_ms >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;


-- -------------------------------------------------------------------------------------
-- devx_activity_logs: append-only activity feed. user_id is NULL for system activity;
-- entity_type/entity_id name what was acted on (any table, so no foreign key).
-- project_id lets a project show its feed; the lines stay when the project goes.
-- -------------------------------------------------------------------------------------
CREATE TABLE devx_activity_logs (
    id          UUID         NOT NULL DEFAULT (UUID()),
    user_id     UUID,
    project_id  UUID,
    action      VARCHAR(100) NOT NULL,
    entity_type VARCHAR(100),
    entity_id   VARCHAR(255),
    details     JSON         NOT NULL DEFAULT '{}',
    ip_address  VARCHAR(45),
    user_agent  TEXT,
    created_at  DATETIME(6)  NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    CONSTRAINT pk_devx_activity_logs PRIMARY KEY (id),
    KEY idx_devx_activity_logs_user_created_at    (user_id, created_at),
    KEY idx_devx_activity_logs_project_created_at (project_id, created_at),
    KEY idx_devx_activity_logs_entity             (entity_type, entity_id, created_at),
    KEY idx_devx_activity_logs_created_at         (created_at),
    CONSTRAINT fk_devx_activity_logs_project FOREIGN KEY (project_id)
        REFERENCES devx_projects (id) ON DELETE SET NULL,
    CONSTRAINT ck_devx_activity_logs_action CHECK (action <> '')
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;


-- -------------------------------------------------------------------------------------
-- devx_api_keys: API keys of DevX users. Only a hash of the key is stored, never the
-- key; key_prefix (its first characters) lets people recognise a key in lists.
-- Not Flowbase's api_keys table, which authenticates callers of Flowbase itself.
-- -------------------------------------------------------------------------------------
CREATE TABLE devx_api_keys (
    id           UUID         NOT NULL DEFAULT (UUID()),
    user_id      UUID         NOT NULL,
    name         VARCHAR(255) NOT NULL,
    key_hash     VARCHAR(128) NOT NULL,
    key_prefix   VARCHAR(16)  NOT NULL,
    scopes       JSON         NOT NULL DEFAULT '[]',
    last_used_at DATETIME(6),
    expires_at   DATETIME(6),
    revoked_at   DATETIME(6),
    created_at   DATETIME(6)  NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    updated_at   DATETIME(6)  NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    CONSTRAINT pk_devx_api_keys PRIMARY KEY (id),
    UNIQUE KEY uq_devx_api_keys_key_hash (key_hash),
    KEY        idx_devx_api_keys_user    (user_id),
    CONSTRAINT ck_devx_api_keys_name       CHECK (name <> ''),
    CONSTRAINT ck_devx_api_keys_key_hash   CHECK (key_hash <> ''),
    CONSTRAINT ck_devx_api_keys_key_prefix CHECK (key_prefix <> ''),
    CONSTRAINT ck_devx_api_keys_scopes     CHECK (JSON_TYPE(scopes) = 'ARRAY')
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;


-- -------------------------------------------------------------------------------------
-- updated_at triggers
-- -------------------------------------------------------------------------------------
CREATE TRIGGER trg_devx_projects_updated_at BEFORE UPDATE ON devx_projects FOR EACH ROW
    SET NEW.updated_at = IF(NEW.updated_at <=> OLD.updated_at, UTC_TIMESTAMP(6), NEW.updated_at);

CREATE TRIGGER trg_devx_services_updated_at BEFORE UPDATE ON devx_services FOR EACH ROW
    SET NEW.updated_at = IF(NEW.updated_at <=> OLD.updated_at, UTC_TIMESTAMP(6), NEW.updated_at);

CREATE TRIGGER trg_devx_api_keys_updated_at BEFORE UPDATE ON devx_api_keys FOR EACH ROW
    SET NEW.updated_at = IF(NEW.updated_at <=> OLD.updated_at, UTC_TIMESTAMP(6), NEW.updated_at);
