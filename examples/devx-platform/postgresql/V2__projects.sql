-- =====================================================================================
-- DevX Platform example, version 2: projects, services and their history -- PostgreSQL 14+
-- =====================================================================================
-- Creates 5 tables and their updated_at triggers (using devx_touch_updated_at() from V1):
--
--   devx_projects, devx_services, devx_generation_history, devx_activity_logs,
--   devx_api_keys
--
-- U2__projects.sql undoes this file.
--
-- user_id columns name a user of the application's own user store, which is not part
-- of this set (the original plan kept users in its base schema): they carry no foreign
-- key, so the set does not depend on any table outside it. An application that keeps
-- its users in a table of its own can add those foreign keys in a later version.
-- Engine-only differences: see the header of V1__catalog.sql.
-- =====================================================================================


-- -------------------------------------------------------------------------------------
-- devx_projects: a user's project; template_id is the template it was started from.
-- -------------------------------------------------------------------------------------
CREATE TABLE devx_projects (
    id             uuid         NOT NULL DEFAULT gen_random_uuid(),
    user_id        uuid         NOT NULL,
    template_id    uuid,
    name           varchar(255) NOT NULL,
    slug           varchar(100) NOT NULL,
    description    text,
    status         varchar(20)  NOT NULL DEFAULT 'active',
    repository_url varchar(500),
    settings       jsonb        NOT NULL DEFAULT '{}',
    created_at     timestamptz  NOT NULL DEFAULT now(),
    updated_at     timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_devx_projects          PRIMARY KEY (id),
    -- The project outlives the template it was generated from.
    CONSTRAINT fk_devx_projects_template FOREIGN KEY (template_id)
        REFERENCES devx_templates (id) ON DELETE SET NULL,
    CONSTRAINT ck_devx_projects_name     CHECK (name <> ''),
    CONSTRAINT ck_devx_projects_slug     CHECK (slug <> '' AND slug = lower(slug)),
    CONSTRAINT ck_devx_projects_status   CHECK (status IN ('active', 'archived'))
);

CREATE UNIQUE INDEX uq_devx_projects_user_slug   ON devx_projects (user_id, slug);
CREATE        INDEX idx_devx_projects_user_status ON devx_projects (user_id, status, created_at);
CREATE        INDEX idx_devx_projects_template    ON devx_projects (template_id);


-- -------------------------------------------------------------------------------------
-- devx_services: services within projects. slug is unique installation-wide, as in the
-- original plan (it names the deployed service). environment_vars is configuration,
-- not a secret store: keep secrets in a vault and store references here.
-- -------------------------------------------------------------------------------------
CREATE TABLE devx_services (
    id                uuid         NOT NULL DEFAULT gen_random_uuid(),
    user_id           uuid         NOT NULL,
    project_id        uuid,
    template_id       uuid,
    name              varchar(255) NOT NULL,
    slug              varchar(255) NOT NULL,
    description       text,
    service_type      varchar(20)  NOT NULL DEFAULT 'api',
    port              integer,
    health_check_url  varchar(500),
    status            varchar(20)  NOT NULL DEFAULT 'inactive',
    deployment_config jsonb        NOT NULL DEFAULT '{}',
    environment_vars  jsonb        NOT NULL DEFAULT '{}',
    resource_limits   jsonb        NOT NULL DEFAULT '{}',
    created_at        timestamptz  NOT NULL DEFAULT now(),
    updated_at        timestamptz  NOT NULL DEFAULT now(),
    deployed_at       timestamptz,
    CONSTRAINT pk_devx_services              PRIMARY KEY (id),
    -- Services are part of their project: they go with it.
    CONSTRAINT fk_devx_services_project      FOREIGN KEY (project_id)
        REFERENCES devx_projects (id) ON DELETE CASCADE,
    CONSTRAINT fk_devx_services_template     FOREIGN KEY (template_id)
        REFERENCES devx_templates (id) ON DELETE SET NULL,
    CONSTRAINT ck_devx_services_name         CHECK (name <> ''),
    CONSTRAINT ck_devx_services_slug         CHECK (slug <> '' AND slug = lower(slug)),
    CONSTRAINT ck_devx_services_service_type
        CHECK (service_type IN ('api', 'web', 'worker', 'function', 'cron', 'gateway', 'database', 'other')),
    CONSTRAINT ck_devx_services_port         CHECK (port IS NULL OR port BETWEEN 1 AND 65535),
    CONSTRAINT ck_devx_services_status
        CHECK (status IN ('inactive', 'generating', 'building', 'deploying', 'active', 'failed', 'stopped'))
);

CREATE UNIQUE INDEX uq_devx_services_slug           ON devx_services (slug);
CREATE        INDEX idx_devx_services_project_status ON devx_services (project_id, status);
CREATE        INDEX idx_devx_services_user_status    ON devx_services (user_id, status);
CREATE        INDEX idx_devx_services_template       ON devx_services (template_id);


-- -------------------------------------------------------------------------------------
-- devx_generation_history: one row per code/service generation run. The history
-- outlives what it generated: every reference is SET NULL.
-- -------------------------------------------------------------------------------------
CREATE TABLE devx_generation_history (
    id                uuid        NOT NULL DEFAULT gen_random_uuid(),
    user_id           uuid        NOT NULL,
    template_id       uuid,
    project_id        uuid,
    service_id        uuid,
    generation_type   varchar(20) NOT NULL,
    generation_status varchar(20) NOT NULL DEFAULT 'pending',
    input_params      jsonb       NOT NULL DEFAULT '{}',
    output_files      jsonb       NOT NULL DEFAULT '[]',
    error_message     text,
    execution_time_ms integer,
    created_at        timestamptz NOT NULL DEFAULT now(),
    completed_at      timestamptz,
    CONSTRAINT pk_devx_generation_history                   PRIMARY KEY (id),
    CONSTRAINT fk_devx_generation_history_template          FOREIGN KEY (template_id)
        REFERENCES devx_templates (id) ON DELETE SET NULL,
    CONSTRAINT fk_devx_generation_history_project           FOREIGN KEY (project_id)
        REFERENCES devx_projects (id) ON DELETE SET NULL,
    CONSTRAINT fk_devx_generation_history_service           FOREIGN KEY (service_id)
        REFERENCES devx_services (id) ON DELETE SET NULL,
    CONSTRAINT ck_devx_generation_history_generation_type
        CHECK (generation_type IN ('project', 'service', 'component', 'config', 'docs', 'tests', 'other')),
    CONSTRAINT ck_devx_generation_history_generation_status
        CHECK (generation_status IN ('pending', 'running', 'completed', 'failed', 'cancelled')),
    CONSTRAINT ck_devx_generation_history_output_files      CHECK (jsonb_typeof(output_files) = 'array'),
    CONSTRAINT ck_devx_generation_history_execution_time_ms
        CHECK (execution_time_ms IS NULL OR execution_time_ms >= 0)
);

CREATE INDEX idx_devx_generation_history_user_created_at   ON devx_generation_history (user_id, created_at);
CREATE INDEX idx_devx_generation_history_status_created_at ON devx_generation_history (generation_status, created_at);
CREATE INDEX idx_devx_generation_history_template          ON devx_generation_history (template_id);
CREATE INDEX idx_devx_generation_history_project           ON devx_generation_history (project_id);
CREATE INDEX idx_devx_generation_history_service           ON devx_generation_history (service_id);


-- -------------------------------------------------------------------------------------
-- devx_activity_logs: append-only activity feed. user_id is NULL for system activity;
-- entity_type/entity_id name what was acted on (any table, so no foreign key).
-- project_id lets a project show its feed; the lines stay when the project goes.
-- -------------------------------------------------------------------------------------
CREATE TABLE devx_activity_logs (
    id          uuid         NOT NULL DEFAULT gen_random_uuid(),
    user_id     uuid,
    project_id  uuid,
    action      varchar(100) NOT NULL,
    entity_type varchar(100),
    entity_id   varchar(255),
    details     jsonb        NOT NULL DEFAULT '{}',
    ip_address  varchar(45),
    user_agent  text,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_devx_activity_logs         PRIMARY KEY (id),
    CONSTRAINT fk_devx_activity_logs_project FOREIGN KEY (project_id)
        REFERENCES devx_projects (id) ON DELETE SET NULL,
    CONSTRAINT ck_devx_activity_logs_action  CHECK (action <> '')
);

CREATE INDEX idx_devx_activity_logs_user_created_at    ON devx_activity_logs (user_id, created_at);
CREATE INDEX idx_devx_activity_logs_project_created_at ON devx_activity_logs (project_id, created_at);
CREATE INDEX idx_devx_activity_logs_entity             ON devx_activity_logs (entity_type, entity_id, created_at);
CREATE INDEX idx_devx_activity_logs_created_at         ON devx_activity_logs (created_at);


-- -------------------------------------------------------------------------------------
-- devx_api_keys: API keys of DevX users. Only a hash of the key is stored, never the
-- key; key_prefix (its first characters) lets people recognise a key in lists.
-- Not Flowbase's api_keys table, which authenticates callers of Flowbase itself.
-- -------------------------------------------------------------------------------------
CREATE TABLE devx_api_keys (
    id           uuid         NOT NULL DEFAULT gen_random_uuid(),
    user_id      uuid         NOT NULL,
    name         varchar(255) NOT NULL,
    key_hash     varchar(128) NOT NULL,
    key_prefix   varchar(16)  NOT NULL,
    scopes       jsonb        NOT NULL DEFAULT '[]',
    last_used_at timestamptz,
    expires_at   timestamptz,
    revoked_at   timestamptz,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    updated_at   timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_devx_api_keys            PRIMARY KEY (id),
    CONSTRAINT ck_devx_api_keys_name       CHECK (name <> ''),
    CONSTRAINT ck_devx_api_keys_key_hash   CHECK (key_hash <> ''),
    CONSTRAINT ck_devx_api_keys_key_prefix CHECK (key_prefix <> ''),
    CONSTRAINT ck_devx_api_keys_scopes     CHECK (jsonb_typeof(scopes) = 'array')
);

CREATE UNIQUE INDEX uq_devx_api_keys_key_hash ON devx_api_keys (key_hash);
CREATE        INDEX idx_devx_api_keys_user     ON devx_api_keys (user_id);


-- -------------------------------------------------------------------------------------
-- updated_at triggers
-- -------------------------------------------------------------------------------------
CREATE TRIGGER trg_devx_projects_updated_at BEFORE UPDATE ON devx_projects
    FOR EACH ROW EXECUTE FUNCTION devx_touch_updated_at();
CREATE TRIGGER trg_devx_services_updated_at BEFORE UPDATE ON devx_services
    FOR EACH ROW EXECUTE FUNCTION devx_touch_updated_at();
CREATE TRIGGER trg_devx_api_keys_updated_at BEFORE UPDATE ON devx_api_keys
    FOR EACH ROW EXECUTE FUNCTION devx_touch_updated_at();
