-- =====================================================================================
-- Marketplace example, version 1: marketplace_items -- PostgreSQL 14+
-- =====================================================================================
-- A user migration set (not part of Flowbase): apply it with
--   bin/flowbase migrate up --location examples/marketplace --table marketplace_schema_history
-- Creates one trigger function, the table marketplace_items and its updated_at trigger:
-- the shared marketplace of an orchestrator, where workflows, agent roles, templates,
-- integrations and tools are published, priced, rated and downloaded.
--
-- U1__marketplace_items.sql undoes this file.
--
-- The table shares the database with Flowbase's own tables; its name (and so its
-- pk_/ck_/uq_/idx_/trg_ names, unique per schema on PostgreSQL) does not collide
-- with any of them. author_id names a user of the application's own user store: no
-- foreign key, so the set does not depend on any table outside it; author_name keeps
-- the publisher readable on its own.
--
-- Engine choices follow Flowbase's core schema (db/migration/postgresql/V1__core_schema.sql):
--   ids uuid DEFAULT gen_random_uuid(); JSON jsonb; times timestamptz DEFAULT now();
--   booleans boolean; updated_at kept by marketplace_touch_updated_at().
--   Prices are integer minor units (price_cents, bigint) plus an ISO 4217 currency, so
--   that no engine has to round: no decimal type is used.
-- Engine-only differences in this set:
--   1. marketplace_touch_updated_at() exists only here; MariaDB and SQLite put the same
--      logic in the trg_marketplace_items_updated_at body.
--   2. idx_pg_marketplace_items_tags, a GIN index for tags @> '["slack"]', is PostgreSQL
--      only.
--   3. ck_marketplace_items_currency uses a regular expression here and on MariaDB, a
--      GLOB on SQLite (same rule: three upper-case ASCII letters).
--   4. SQLite adds ck_marketplace_items_id (lower-case UUID text) and json_valid
--      CHECKs; MariaDB and SQLite add ck_marketplace_items_is_featured (0/1); MariaDB
--      adds its automatic json_valid CHECK per JSON column.
-- =====================================================================================


CREATE FUNCTION marketplace_touch_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN
        NEW.updated_at := now();
    END IF;
    RETURN NEW;
END;
$$;


-- -------------------------------------------------------------------------------------
-- marketplace_items: one row per published item, holding its current version.
-- rating is the average of rating_count ratings (NULL until the first one).
-- manifest describes the item (what it installs, what it needs); configuration holds
-- its default settings.
-- -------------------------------------------------------------------------------------
CREATE TABLE marketplace_items (
    id             uuid             NOT NULL DEFAULT gen_random_uuid(),
    name           varchar(255)     NOT NULL,
    slug           varchar(100)     NOT NULL,
    description    text,
    category       varchar(100)     NOT NULL,
    type           varchar(20)      NOT NULL,
    author_id      uuid,
    author_name    varchar(255)     NOT NULL,
    version        varchar(50)      NOT NULL DEFAULT '1.0.0',
    pricing_model  varchar(20)      NOT NULL DEFAULT 'free',
    price_cents    bigint           NOT NULL DEFAULT 0,
    currency       varchar(3)       NOT NULL DEFAULT 'USD',
    rating         double precision,
    rating_count   integer          NOT NULL DEFAULT 0,
    download_count bigint           NOT NULL DEFAULT 0,
    tags           jsonb            NOT NULL DEFAULT '[]',
    manifest       jsonb            NOT NULL DEFAULT '{}',
    configuration  jsonb            NOT NULL DEFAULT '{}',
    status         varchar(20)      NOT NULL DEFAULT 'draft',
    is_featured    boolean          NOT NULL DEFAULT false,
    published_at   timestamptz,
    created_at     timestamptz      NOT NULL DEFAULT now(),
    updated_at     timestamptz      NOT NULL DEFAULT now(),
    CONSTRAINT pk_marketplace_items                PRIMARY KEY (id),
    CONSTRAINT ck_marketplace_items_name           CHECK (name <> ''),
    CONSTRAINT ck_marketplace_items_slug           CHECK (slug <> '' AND slug = lower(slug)),
    CONSTRAINT ck_marketplace_items_category       CHECK (category <> ''),
    CONSTRAINT ck_marketplace_items_type
        CHECK (type IN ('workflow', 'agent_role', 'template', 'integration', 'tool')),
    CONSTRAINT ck_marketplace_items_author_name    CHECK (author_name <> ''),
    CONSTRAINT ck_marketplace_items_version        CHECK (version <> ''),
    CONSTRAINT ck_marketplace_items_pricing_model
        CHECK (pricing_model IN ('free', 'one_time', 'subscription', 'usage_based')),
    CONSTRAINT ck_marketplace_items_price_cents    CHECK (price_cents >= 0),
    -- A free item costs nothing; a paid one may still be 0 (e.g. usage-based).
    CONSTRAINT ck_marketplace_items_free_price     CHECK (pricing_model <> 'free' OR price_cents = 0),
    CONSTRAINT ck_marketplace_items_currency       CHECK (currency ~ '^[A-Z]{3}$'),
    CONSTRAINT ck_marketplace_items_rating         CHECK (rating IS NULL OR rating BETWEEN 0 AND 5),
    CONSTRAINT ck_marketplace_items_rating_count   CHECK (rating_count >= 0),
    CONSTRAINT ck_marketplace_items_download_count CHECK (download_count >= 0),
    CONSTRAINT ck_marketplace_items_tags           CHECK (jsonb_typeof(tags) = 'array'),
    CONSTRAINT ck_marketplace_items_manifest       CHECK (jsonb_typeof(manifest) = 'object'),
    CONSTRAINT ck_marketplace_items_status
        CHECK (status IN ('draft', 'pending_review', 'published', 'rejected', 'deprecated', 'archived')),
    -- A published item says since when.
    CONSTRAINT ck_marketplace_items_published_at   CHECK (status <> 'published' OR published_at IS NOT NULL)
);

CREATE UNIQUE INDEX uq_marketplace_items_slug                 ON marketplace_items (slug);
-- Browsing: published items of a category / type, by popularity, rating or recency.
CREATE        INDEX idx_marketplace_items_status_category     ON marketplace_items (status, category);
CREATE        INDEX idx_marketplace_items_status_type         ON marketplace_items (status, type);
CREATE        INDEX idx_marketplace_items_status_downloads    ON marketplace_items (status, download_count);
CREATE        INDEX idx_marketplace_items_status_rating       ON marketplace_items (status, rating);
CREATE        INDEX idx_marketplace_items_status_published_at ON marketplace_items (status, published_at);
CREATE        INDEX idx_marketplace_items_status_featured     ON marketplace_items (status, is_featured);
-- An author's own items.
CREATE        INDEX idx_marketplace_items_author              ON marketplace_items (author_id);
-- PostgreSQL only: containment queries (tags @> '["slack"]').
CREATE INDEX idx_pg_marketplace_items_tags ON marketplace_items USING gin (tags jsonb_path_ops);


CREATE TRIGGER trg_marketplace_items_updated_at BEFORE UPDATE ON marketplace_items
    FOR EACH ROW EXECUTE FUNCTION marketplace_touch_updated_at();
