-- =====================================================================================
-- DevX Platform example, version 1: the template catalog -- MariaDB 10.7+, InnoDB
-- =====================================================================================
-- A user migration set (not part of Flowbase): apply it with
--   bin/flowbase migrate up --location examples/devx-platform --table devx_schema_history
-- Creates 4 tables and their updated_at triggers:
--
--   devx_categories, devx_technologies, devx_templates, devx_template_technologies
--
-- U1__catalog.sql undoes this file. V2__projects.sql builds on it. Every name carries
-- the devx_ prefix because these tables share the database with Flowbase's own tables.
-- The engine-only differences of this set are listed in postgresql/V1__catalog.sql.
--
-- Engine choices follow Flowbase's core schema (db/migration/mariadb/V1__core_schema.sql):
--   ids        native UUID type (MariaDB 10.7+), DEFAULT (UUID()).
--   JSON       JSON (LONGTEXT with an automatic json_valid CHECK).
--   times      DATETIME(6) holding UTC, DEFAULT (UTC_TIMESTAMP(6)).
--   booleans   BOOLEAN with CHECK (col IN (0, 1)).
--   text       utf8mb4_bin: CHECKs and unique indexes are case-sensitive, as on
--              PostgreSQL and SQLite.
--   updated_at a single-statement BEFORE UPDATE trigger per table (no BEGIN ... END,
--              no DELIMITER); InnoDB foreign-key actions do not fire triggers.
--   indexes    declared inside CREATE TABLE so that InnoDB uses them for the foreign
--              keys instead of creating its own.
--   DDL is not transactional on MariaDB: if this file stops half-way, run the undo
--   (U1, which uses IF EXISTS) and apply again.
-- =====================================================================================


-- -------------------------------------------------------------------------------------
-- devx_categories: groups templates are filed under ("Backend APIs", "Frontends", ...).
-- -------------------------------------------------------------------------------------
CREATE TABLE devx_categories (
    id          UUID         NOT NULL DEFAULT (UUID()),
    name        VARCHAR(255) NOT NULL,
    slug        VARCHAR(100) NOT NULL,
    description TEXT,
    icon        VARCHAR(100),
    sort_order  INT          NOT NULL DEFAULT 0,
    created_at  DATETIME(6)  NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    updated_at  DATETIME(6)  NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    CONSTRAINT pk_devx_categories PRIMARY KEY (id),
    UNIQUE KEY uq_devx_categories_slug        (slug),
    KEY        idx_devx_categories_sort_order (sort_order, name),
    CONSTRAINT ck_devx_categories_name CHECK (name <> ''),
    CONSTRAINT ck_devx_categories_slug CHECK (slug <> '' AND slug = LOWER(slug))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;


-- -------------------------------------------------------------------------------------
-- devx_technologies: languages, frameworks, databases, ... a template is built with.
-- -------------------------------------------------------------------------------------
CREATE TABLE devx_technologies (
    id          UUID         NOT NULL DEFAULT (UUID()),
    name        VARCHAR(255) NOT NULL,
    slug        VARCHAR(100) NOT NULL,
    kind        VARCHAR(20)  NOT NULL DEFAULT 'other',
    description TEXT,
    version     VARCHAR(50),
    website_url VARCHAR(500),
    icon        VARCHAR(100),
    created_at  DATETIME(6)  NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    updated_at  DATETIME(6)  NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    CONSTRAINT pk_devx_technologies PRIMARY KEY (id),
    UNIQUE KEY uq_devx_technologies_slug (slug),
    KEY        idx_devx_technologies_kind (kind, name),
    CONSTRAINT ck_devx_technologies_name CHECK (name <> ''),
    CONSTRAINT ck_devx_technologies_slug CHECK (slug <> '' AND slug = LOWER(slug)),
    CONSTRAINT ck_devx_technologies_kind
        CHECK (kind IN ('language', 'framework', 'library', 'database', 'runtime', 'tool', 'platform', 'other'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;


-- -------------------------------------------------------------------------------------
-- devx_templates: the service template library. author_id is a user of the
-- application's own user store (not part of this set, so no foreign key).
-- -------------------------------------------------------------------------------------
CREATE TABLE devx_templates (
    id             UUID         NOT NULL DEFAULT (UUID()),
    category_id    UUID,
    name           VARCHAR(255) NOT NULL,
    slug           VARCHAR(100) NOT NULL,
    description    TEXT,
    version        VARCHAR(50)  NOT NULL DEFAULT '1.0.0',
    status         VARCHAR(20)  NOT NULL DEFAULT 'draft',
    is_official    BOOLEAN      NOT NULL DEFAULT FALSE,
    repository_url VARCHAR(500),
    config         JSON         NOT NULL DEFAULT '{}',
    parameters     JSON         NOT NULL DEFAULT '{}',
    tags           JSON         NOT NULL DEFAULT '[]',
    usage_count    BIGINT       NOT NULL DEFAULT 0,
    author_id      UUID,
    created_at     DATETIME(6)  NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    updated_at     DATETIME(6)  NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    CONSTRAINT pk_devx_templates PRIMARY KEY (id),
    UNIQUE KEY uq_devx_templates_slug             (slug),
    KEY        idx_devx_templates_category_status (category_id, status),
    KEY        idx_devx_templates_status_usage    (status, usage_count),
    KEY        idx_devx_templates_author          (author_id),
    -- A template outlives its category; it just becomes uncategorised.
    CONSTRAINT fk_devx_templates_category FOREIGN KEY (category_id)
        REFERENCES devx_categories (id) ON DELETE SET NULL,
    CONSTRAINT ck_devx_templates_name        CHECK (name <> ''),
    CONSTRAINT ck_devx_templates_slug        CHECK (slug <> '' AND slug = LOWER(slug)),
    CONSTRAINT ck_devx_templates_version     CHECK (version <> ''),
    CONSTRAINT ck_devx_templates_status      CHECK (status IN ('draft', 'published', 'deprecated', 'archived')),
    CONSTRAINT ck_devx_templates_is_official CHECK (is_official IN (0, 1)),
    CONSTRAINT ck_devx_templates_tags        CHECK (JSON_TYPE(tags) = 'ARRAY'),
    CONSTRAINT ck_devx_templates_usage_count CHECK (usage_count >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;


-- -------------------------------------------------------------------------------------
-- devx_template_technologies: which technologies a template uses (many-to-many).
-- A link is part of both sides: deleting either deletes the link.
-- -------------------------------------------------------------------------------------
CREATE TABLE devx_template_technologies (
    id            UUID        NOT NULL DEFAULT (UUID()),
    template_id   UUID        NOT NULL,
    technology_id UUID        NOT NULL,
    is_primary    BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at    DATETIME(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    CONSTRAINT pk_devx_template_technologies PRIMARY KEY (id),
    UNIQUE KEY uq_devx_template_technologies_pair        (template_id, technology_id),
    KEY        idx_devx_template_technologies_technology (technology_id),
    CONSTRAINT fk_devx_template_technologies_template   FOREIGN KEY (template_id)
        REFERENCES devx_templates (id) ON DELETE CASCADE,
    CONSTRAINT fk_devx_template_technologies_technology FOREIGN KEY (technology_id)
        REFERENCES devx_technologies (id) ON DELETE CASCADE,
    CONSTRAINT ck_devx_template_technologies_is_primary CHECK (is_primary IN (0, 1))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;


-- -------------------------------------------------------------------------------------
-- updated_at triggers: an UPDATE that leaves updated_at unchanged gets now (UTC), one
-- that sets it explicitly keeps its value.
-- -------------------------------------------------------------------------------------
CREATE TRIGGER trg_devx_categories_updated_at BEFORE UPDATE ON devx_categories FOR EACH ROW
    SET NEW.updated_at = IF(NEW.updated_at <=> OLD.updated_at, UTC_TIMESTAMP(6), NEW.updated_at);

CREATE TRIGGER trg_devx_technologies_updated_at BEFORE UPDATE ON devx_technologies FOR EACH ROW
    SET NEW.updated_at = IF(NEW.updated_at <=> OLD.updated_at, UTC_TIMESTAMP(6), NEW.updated_at);

CREATE TRIGGER trg_devx_templates_updated_at BEFORE UPDATE ON devx_templates FOR EACH ROW
    SET NEW.updated_at = IF(NEW.updated_at <=> OLD.updated_at, UTC_TIMESTAMP(6), NEW.updated_at);
