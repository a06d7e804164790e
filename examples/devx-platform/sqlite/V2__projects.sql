-- =====================================================================================
-- DevX Platform example, version 2: projects, services and their history -- SQLite 3.40+
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
    id             TEXT    NOT NULL DEFAULT (lower(
        hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
        substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
    user_id        TEXT    NOT NULL,
    template_id    TEXT,
    name           TEXT    NOT NULL,
    slug           TEXT    NOT NULL,
    description    TEXT,
    status         TEXT    NOT NULL DEFAULT 'active',
    repository_url TEXT,
    settings       TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(settings)),
    created_at     TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at     TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT pk_devx_projects          PRIMARY KEY (id),
    CONSTRAINT ck_devx_projects_id CHECK (id GLOB '????????-????-????-????-????????????'
                                          AND length(replace(id, '-', '')) = 32
                                          AND replace(id, '-', '') NOT GLOB '*[^0-9a-f]*'),
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
-- devx_services: services within projects. slug is unique installation-wide.
-- environment_vars is configuration, not a secret store.
-- -------------------------------------------------------------------------------------
CREATE TABLE devx_services (
    id                TEXT    NOT NULL DEFAULT (lower(
        hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
        substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
    user_id           TEXT    NOT NULL,
    project_id        TEXT,
    template_id       TEXT,
    name              TEXT    NOT NULL,
    slug              TEXT    NOT NULL,
    description       TEXT,
    service_type      TEXT    NOT NULL DEFAULT 'api',
    port              INTEGER,
    health_check_url  TEXT,
    status            TEXT    NOT NULL DEFAULT 'inactive',
    deployment_config TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(deployment_config)),
    environment_vars  TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(environment_vars)),
    resource_limits   TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(resource_limits)),
    created_at        TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at        TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    deployed_at       TEXT,
    CONSTRAINT pk_devx_services              PRIMARY KEY (id),
    CONSTRAINT ck_devx_services_id CHECK (id GLOB '????????-????-????-????-????????????'
                                          AND length(replace(id, '-', '')) = 32
                                          AND replace(id, '-', '') NOT GLOB '*[^0-9a-f]*'),
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

CREATE UNIQUE INDEX uq_devx_services_slug            ON devx_services (slug);
CREATE        INDEX idx_devx_services_project_status ON devx_services (project_id, status);
CREATE        INDEX idx_devx_services_user_status    ON devx_services (user_id, status);
CREATE        INDEX idx_devx_services_template       ON devx_services (template_id);


-- -------------------------------------------------------------------------------------
-- devx_generation_history: one row per code/service generation run. The history
-- outlives what it generated: every reference is SET NULL.
-- -------------------------------------------------------------------------------------
CREATE TABLE devx_generation_history (
    id                TEXT    NOT NULL DEFAULT (lower(
        hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
        substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
    user_id           TEXT    NOT NULL,
    template_id       TEXT,
    project_id        TEXT,
    service_id        TEXT,
    generation_type   TEXT    NOT NULL,
    generation_status TEXT    NOT NULL DEFAULT 'pending',
    input_params      TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(input_params)),
    output_files      TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(output_files)),
    error_message     TEXT,
    execution_time_ms INTEGER,
    created_at        TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    completed_at      TEXT,
    CONSTRAINT pk_devx_generation_history          PRIMARY KEY (id),
    CONSTRAINT ck_devx_generation_history_id CHECK (id GLOB '????????-????-????-????-????????????'
                                                    AND length(replace(id, '-', '')) = 32
                                                    AND replace(id, '-', '') NOT GLOB '*[^0-9a-f]*'),
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
    CONSTRAINT ck_devx_generation_history_output_files
        CHECK (json_valid(output_files) AND json_type(output_files) = 'array'),
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
    id          TEXT    NOT NULL DEFAULT (lower(
        hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
        substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
    user_id     TEXT,
    project_id  TEXT,
    action      TEXT    NOT NULL,
    entity_type TEXT,
    entity_id   TEXT,
    details     TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(details)),
    ip_address  TEXT,
    user_agent  TEXT,
    created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT pk_devx_activity_logs         PRIMARY KEY (id),
    CONSTRAINT ck_devx_activity_logs_id CHECK (id GLOB '????????-????-????-????-????????????'
                                               AND length(replace(id, '-', '')) = 32
                                               AND replace(id, '-', '') NOT GLOB '*[^0-9a-f]*'),
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
    id           TEXT    NOT NULL DEFAULT (lower(
        hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
        substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
    user_id      TEXT    NOT NULL,
    name         TEXT    NOT NULL,
    key_hash     TEXT    NOT NULL,
    key_prefix   TEXT    NOT NULL,
    scopes       TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(scopes)),
    last_used_at TEXT,
    expires_at   TEXT,
    revoked_at   TEXT,
    created_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT pk_devx_api_keys            PRIMARY KEY (id),
    CONSTRAINT ck_devx_api_keys_id CHECK (id GLOB '????????-????-????-????-????????????'
                                          AND length(replace(id, '-', '')) = 32
                                          AND replace(id, '-', '') NOT GLOB '*[^0-9a-f]*'),
    CONSTRAINT ck_devx_api_keys_name       CHECK (name <> ''),
    CONSTRAINT ck_devx_api_keys_key_hash   CHECK (key_hash <> ''),
    CONSTRAINT ck_devx_api_keys_key_prefix CHECK (key_prefix <> ''),
    CONSTRAINT ck_devx_api_keys_scopes     CHECK (json_valid(scopes) AND json_type(scopes) = 'array')
);

CREATE UNIQUE INDEX uq_devx_api_keys_key_hash ON devx_api_keys (key_hash);
CREATE        INDEX idx_devx_api_keys_user    ON devx_api_keys (user_id);


-- -------------------------------------------------------------------------------------
-- updated_at triggers
-- -------------------------------------------------------------------------------------
CREATE TRIGGER trg_devx_projects_updated_at AFTER UPDATE ON devx_projects FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE devx_projects SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER trg_devx_services_updated_at AFTER UPDATE ON devx_services FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE devx_services SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER trg_devx_api_keys_updated_at AFTER UPDATE ON devx_api_keys FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE devx_api_keys SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
