-- =====================================================================================
-- DevX Platform example, version 1: the template catalog -- PostgreSQL 14+
-- =====================================================================================
-- A user migration set (not part of Flowbase): apply it with
--   bin/flowbase migrate up --location examples/devx-platform --table devx_schema_history
-- Creates one trigger function, 4 tables and their updated_at triggers:
--
--   devx_categories, devx_technologies, devx_templates, devx_template_technologies
--
-- U1__catalog.sql undoes this file. V2__projects.sql builds on it.
--
-- Every name carries the devx_ prefix: these tables share the database with Flowbase's
-- own tables (Flowbase already has api_keys), and on PostgreSQL constraint and index
-- names are unique per schema, so pk_/fk_/ck_/uq_/idx_/trg_ names are prefixed too.
-- The original plan kept the catalog in a separate "templates" schema; the prefix
-- replaces the schema so that the same names work on MariaDB and SQLite.
--
-- Engine choices follow Flowbase's core schema (db/migration/postgresql/V1__core_schema.sql):
--   ids uuid DEFAULT gen_random_uuid(); JSON jsonb; times timestamptz DEFAULT now();
--   booleans boolean; updated_at kept by devx_touch_updated_at() (an UPDATE that leaves
--   updated_at unchanged gets now(), one that sets it explicitly keeps its value).
-- Engine-only differences in this set:
--   1. devx_touch_updated_at() exists only here; MariaDB and SQLite put the same logic
--      in each trg_devx_<table>_updated_at body.
--   2. idx_pg_devx_templates_tags, a GIN index for tags @> '["java"]', is PostgreSQL only.
--   3. Extra CHECKs where the type system does not do the job:
--        SQLite   ck_devx_<table>_id on every id (lower-case canonical UUID text);
--                 CHECK (json_valid(col)) on every JSON column (unnamed, inline).
--        MariaDB  the automatic json_valid CHECK that the JSON type adds, named after
--                 the column.
--        Both     ck_devx_templates_is_official, ck_devx_template_technologies_is_primary
--                 (0/1; PostgreSQL has a boolean type).
--   4. ON DELETE SET NULL (a category, template or project going away) fires the
--      updated_at triggers of the rows it changes here and in SQLite, not on MariaDB
--      (InnoDB foreign-key actions never fire triggers).
--   Everything else (tables, columns, nullability, defaults, foreign keys and their
--   ON DELETE, other CHECK names, index names and columns, trigger names) is the same
--   on all three engines.
-- =====================================================================================


-- -------------------------------------------------------------------------------------
-- updated_at maintenance for every devx_ table that has updated_at (V1 and V2).
-- -------------------------------------------------------------------------------------
CREATE FUNCTION devx_touch_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN
        NEW.updated_at := now();
    END IF;
    RETURN NEW;
END;
$$;


-- -------------------------------------------------------------------------------------
-- devx_categories: groups templates are filed under ("Backend APIs", "Frontends", ...).
-- -------------------------------------------------------------------------------------
CREATE TABLE devx_categories (
    id          uuid         NOT NULL DEFAULT gen_random_uuid(),
    name        varchar(255) NOT NULL,
    slug        varchar(100) NOT NULL,
    description text,
    icon        varchar(100),
    sort_order  integer      NOT NULL DEFAULT 0,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_devx_categories      PRIMARY KEY (id),
    CONSTRAINT ck_devx_categories_name CHECK (name <> ''),
    CONSTRAINT ck_devx_categories_slug CHECK (slug <> '' AND slug = lower(slug))
);

CREATE UNIQUE INDEX uq_devx_categories_slug       ON devx_categories (slug);
CREATE        INDEX idx_devx_categories_sort_order ON devx_categories (sort_order, name);


-- -------------------------------------------------------------------------------------
-- devx_technologies: languages, frameworks, databases, ... a template is built with.
-- -------------------------------------------------------------------------------------
CREATE TABLE devx_technologies (
    id          uuid         NOT NULL DEFAULT gen_random_uuid(),
    name        varchar(255) NOT NULL,
    slug        varchar(100) NOT NULL,
    kind        varchar(20)  NOT NULL DEFAULT 'other',
    description text,
    version     varchar(50),
    website_url varchar(500),
    icon        varchar(100),
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_devx_technologies      PRIMARY KEY (id),
    CONSTRAINT ck_devx_technologies_name CHECK (name <> ''),
    CONSTRAINT ck_devx_technologies_slug CHECK (slug <> '' AND slug = lower(slug)),
    CONSTRAINT ck_devx_technologies_kind
        CHECK (kind IN ('language', 'framework', 'library', 'database', 'runtime', 'tool', 'platform', 'other'))
);

CREATE UNIQUE INDEX uq_devx_technologies_slug ON devx_technologies (slug);
CREATE        INDEX idx_devx_technologies_kind ON devx_technologies (kind, name);


-- -------------------------------------------------------------------------------------
-- devx_templates: the service template library. author_id is a user of the
-- application's own user store (not part of this set, so no foreign key).
-- -------------------------------------------------------------------------------------
CREATE TABLE devx_templates (
    id             uuid         NOT NULL DEFAULT gen_random_uuid(),
    category_id    uuid,
    name           varchar(255) NOT NULL,
    slug           varchar(100) NOT NULL,
    description    text,
    version        varchar(50)  NOT NULL DEFAULT '1.0.0',
    status         varchar(20)  NOT NULL DEFAULT 'draft',
    is_official    boolean      NOT NULL DEFAULT false,
    repository_url varchar(500),
    config         jsonb        NOT NULL DEFAULT '{}',
    parameters     jsonb        NOT NULL DEFAULT '{}',
    tags           jsonb        NOT NULL DEFAULT '[]',
    usage_count    bigint       NOT NULL DEFAULT 0,
    author_id      uuid,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    updated_at     timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_devx_templates             PRIMARY KEY (id),
    -- A template outlives its category; it just becomes uncategorised.
    CONSTRAINT fk_devx_templates_category    FOREIGN KEY (category_id)
        REFERENCES devx_categories (id) ON DELETE SET NULL,
    CONSTRAINT ck_devx_templates_name        CHECK (name <> ''),
    CONSTRAINT ck_devx_templates_slug        CHECK (slug <> '' AND slug = lower(slug)),
    CONSTRAINT ck_devx_templates_version     CHECK (version <> ''),
    CONSTRAINT ck_devx_templates_status      CHECK (status IN ('draft', 'published', 'deprecated', 'archived')),
    CONSTRAINT ck_devx_templates_tags        CHECK (jsonb_typeof(tags) = 'array'),
    CONSTRAINT ck_devx_templates_usage_count CHECK (usage_count >= 0)
);

CREATE UNIQUE INDEX uq_devx_templates_slug            ON devx_templates (slug);
CREATE        INDEX idx_devx_templates_category_status ON devx_templates (category_id, status);
CREATE        INDEX idx_devx_templates_status_usage    ON devx_templates (status, usage_count);
CREATE        INDEX idx_devx_templates_author          ON devx_templates (author_id);
-- PostgreSQL only: containment queries (tags @> '["java"]').
CREATE INDEX idx_pg_devx_templates_tags ON devx_templates USING gin (tags jsonb_path_ops);


-- -------------------------------------------------------------------------------------
-- devx_template_technologies: which technologies a template uses (many-to-many).
-- A link is part of both sides: deleting either deletes the link.
-- -------------------------------------------------------------------------------------
CREATE TABLE devx_template_technologies (
    id            uuid        NOT NULL DEFAULT gen_random_uuid(),
    template_id   uuid        NOT NULL,
    technology_id uuid        NOT NULL,
    is_primary    boolean     NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_devx_template_technologies            PRIMARY KEY (id),
    CONSTRAINT fk_devx_template_technologies_template   FOREIGN KEY (template_id)
        REFERENCES devx_templates (id) ON DELETE CASCADE,
    CONSTRAINT fk_devx_template_technologies_technology FOREIGN KEY (technology_id)
        REFERENCES devx_technologies (id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX uq_devx_template_technologies_pair       ON devx_template_technologies (template_id, technology_id);
CREATE        INDEX idx_devx_template_technologies_technology ON devx_template_technologies (technology_id);


-- -------------------------------------------------------------------------------------
-- updated_at triggers
-- -------------------------------------------------------------------------------------
CREATE TRIGGER trg_devx_categories_updated_at   BEFORE UPDATE ON devx_categories
    FOR EACH ROW EXECUTE FUNCTION devx_touch_updated_at();
CREATE TRIGGER trg_devx_technologies_updated_at BEFORE UPDATE ON devx_technologies
    FOR EACH ROW EXECUTE FUNCTION devx_touch_updated_at();
CREATE TRIGGER trg_devx_templates_updated_at    BEFORE UPDATE ON devx_templates
    FOR EACH ROW EXECUTE FUNCTION devx_touch_updated_at();
