-- =====================================================================================
-- DevX Platform example, version 1: the template catalog -- SQLite 3.40+
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
-- Engine choices follow Flowbase's core schema (db/migration/sqlite/V1__core_schema.sql):
--   ids        TEXT holding a lower-case canonical UUID, checked by ck_<table>_id; the
--              DEFAULT makes a random version-4 UUID for rows inserted without one.
--   JSON       TEXT with CHECK (json_valid(col)).
--   times      TEXT, ISO-8601 UTC 'YYYY-MM-DDTHH:MM:SS.SSSZ',
--              DEFAULT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'); writers must use exactly
--              this format for times to sort correctly.
--   booleans   INTEGER with CHECK (col IN (0, 1)).
--   updated_at an AFTER UPDATE trigger per table with a WHEN guard: an UPDATE that
--              leaves updated_at unchanged gets now, one that sets it keeps its value.
--   foreign keys  enforced only with PRAGMA foreign_keys = ON (Flowbase sets it).
-- =====================================================================================


-- -------------------------------------------------------------------------------------
-- devx_categories: groups templates are filed under ("Backend APIs", "Frontends", ...).
-- -------------------------------------------------------------------------------------
CREATE TABLE devx_categories (
    id          TEXT    NOT NULL DEFAULT (lower(
        hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
        substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
    name        TEXT    NOT NULL,
    slug        TEXT    NOT NULL,
    description TEXT,
    icon        TEXT,
    sort_order  INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT pk_devx_categories      PRIMARY KEY (id),
    CONSTRAINT ck_devx_categories_id CHECK (id GLOB '????????-????-????-????-????????????'
                                            AND length(replace(id, '-', '')) = 32
                                            AND replace(id, '-', '') NOT GLOB '*[^0-9a-f]*'),
    CONSTRAINT ck_devx_categories_name CHECK (name <> ''),
    CONSTRAINT ck_devx_categories_slug CHECK (slug <> '' AND slug = lower(slug))
);

CREATE UNIQUE INDEX uq_devx_categories_slug        ON devx_categories (slug);
CREATE        INDEX idx_devx_categories_sort_order ON devx_categories (sort_order, name);


-- -------------------------------------------------------------------------------------
-- devx_technologies: languages, frameworks, databases, ... a template is built with.
-- -------------------------------------------------------------------------------------
CREATE TABLE devx_technologies (
    id          TEXT    NOT NULL DEFAULT (lower(
        hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
        substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
    name        TEXT    NOT NULL,
    slug        TEXT    NOT NULL,
    kind        TEXT    NOT NULL DEFAULT 'other',
    description TEXT,
    version     TEXT,
    website_url TEXT,
    icon        TEXT,
    created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT pk_devx_technologies      PRIMARY KEY (id),
    CONSTRAINT ck_devx_technologies_id CHECK (id GLOB '????????-????-????-????-????????????'
                                              AND length(replace(id, '-', '')) = 32
                                              AND replace(id, '-', '') NOT GLOB '*[^0-9a-f]*'),
    CONSTRAINT ck_devx_technologies_name CHECK (name <> ''),
    CONSTRAINT ck_devx_technologies_slug CHECK (slug <> '' AND slug = lower(slug)),
    CONSTRAINT ck_devx_technologies_kind
        CHECK (kind IN ('language', 'framework', 'library', 'database', 'runtime', 'tool', 'platform', 'other'))
);

CREATE UNIQUE INDEX uq_devx_technologies_slug  ON devx_technologies (slug);
CREATE        INDEX idx_devx_technologies_kind ON devx_technologies (kind, name);


-- -------------------------------------------------------------------------------------
-- devx_templates: the service template library. author_id is a user of the
-- application's own user store (not part of this set, so no foreign key).
-- -------------------------------------------------------------------------------------
CREATE TABLE devx_templates (
    id             TEXT    NOT NULL DEFAULT (lower(
        hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
        substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
    category_id    TEXT,
    name           TEXT    NOT NULL,
    slug           TEXT    NOT NULL,
    description    TEXT,
    version        TEXT    NOT NULL DEFAULT '1.0.0',
    status         TEXT    NOT NULL DEFAULT 'draft',
    is_official    INTEGER NOT NULL DEFAULT 0,
    repository_url TEXT,
    config         TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(config)),
    parameters     TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(parameters)),
    tags           TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
    usage_count    INTEGER NOT NULL DEFAULT 0,
    author_id      TEXT,
    created_at     TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at     TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT pk_devx_templates             PRIMARY KEY (id),
    CONSTRAINT ck_devx_templates_id CHECK (id GLOB '????????-????-????-????-????????????'
                                           AND length(replace(id, '-', '')) = 32
                                           AND replace(id, '-', '') NOT GLOB '*[^0-9a-f]*'),
    -- A template outlives its category; it just becomes uncategorised.
    CONSTRAINT fk_devx_templates_category    FOREIGN KEY (category_id)
        REFERENCES devx_categories (id) ON DELETE SET NULL,
    CONSTRAINT ck_devx_templates_name        CHECK (name <> ''),
    CONSTRAINT ck_devx_templates_slug        CHECK (slug <> '' AND slug = lower(slug)),
    CONSTRAINT ck_devx_templates_version     CHECK (version <> ''),
    CONSTRAINT ck_devx_templates_status      CHECK (status IN ('draft', 'published', 'deprecated', 'archived')),
    CONSTRAINT ck_devx_templates_is_official CHECK (is_official IN (0, 1)),
    CONSTRAINT ck_devx_templates_tags        CHECK (json_valid(tags) AND json_type(tags) = 'array'),
    CONSTRAINT ck_devx_templates_usage_count CHECK (usage_count >= 0)
);

CREATE UNIQUE INDEX uq_devx_templates_slug             ON devx_templates (slug);
CREATE        INDEX idx_devx_templates_category_status ON devx_templates (category_id, status);
CREATE        INDEX idx_devx_templates_status_usage    ON devx_templates (status, usage_count);
CREATE        INDEX idx_devx_templates_author          ON devx_templates (author_id);


-- -------------------------------------------------------------------------------------
-- devx_template_technologies: which technologies a template uses (many-to-many).
-- A link is part of both sides: deleting either deletes the link.
-- -------------------------------------------------------------------------------------
CREATE TABLE devx_template_technologies (
    id            TEXT    NOT NULL DEFAULT (lower(
        hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
        substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
    template_id   TEXT    NOT NULL,
    technology_id TEXT    NOT NULL,
    is_primary    INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT pk_devx_template_technologies            PRIMARY KEY (id),
    CONSTRAINT ck_devx_template_technologies_id CHECK (id GLOB '????????-????-????-????-????????????'
                                                       AND length(replace(id, '-', '')) = 32
                                                       AND replace(id, '-', '') NOT GLOB '*[^0-9a-f]*'),
    CONSTRAINT fk_devx_template_technologies_template   FOREIGN KEY (template_id)
        REFERENCES devx_templates (id) ON DELETE CASCADE,
    CONSTRAINT fk_devx_template_technologies_technology FOREIGN KEY (technology_id)
        REFERENCES devx_technologies (id) ON DELETE CASCADE,
    CONSTRAINT ck_devx_template_technologies_is_primary CHECK (is_primary IN (0, 1))
);

CREATE UNIQUE INDEX uq_devx_template_technologies_pair        ON devx_template_technologies (template_id, technology_id);
CREATE        INDEX idx_devx_template_technologies_technology ON devx_template_technologies (technology_id);


-- -------------------------------------------------------------------------------------
-- updated_at triggers
-- -------------------------------------------------------------------------------------
CREATE TRIGGER trg_devx_categories_updated_at AFTER UPDATE ON devx_categories FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE devx_categories SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER trg_devx_technologies_updated_at AFTER UPDATE ON devx_technologies FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE devx_technologies SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER trg_devx_templates_updated_at AFTER UPDATE ON devx_templates FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE devx_templates SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
