-- =====================================================================================
-- Marketplace example, version 1: marketplace_items -- SQLite 3.40+
-- =====================================================================================
-- A user migration set (not part of Flowbase): apply it with
--   bin/flowbase migrate up --location examples/marketplace --table marketplace_schema_history
-- Creates the table marketplace_items and its updated_at trigger: the shared
-- marketplace of an orchestrator, where workflows, agent roles, templates,
-- integrations and tools are published, priced, rated and downloaded.
--
-- U1__marketplace_items.sql undoes this file. author_id names a user of the
-- application's own user store (no foreign key). The engine-only differences of this
-- set are listed in postgresql/V1__marketplace_items.sql.
--
-- Engine choices follow Flowbase's core schema (db/migration/sqlite/V1__core_schema.sql):
--   ids TEXT lower-case UUID checked by ck_marketplace_items_id; JSON TEXT with
--   json_valid CHECKs; times TEXT 'YYYY-MM-DDTHH:MM:SS.SSSZ' (UTC, writers must use
--   exactly this format); booleans INTEGER 0/1; an AFTER UPDATE trigger with a WHEN
--   guard keeps updated_at. Prices are integer minor units (price_cents) plus an
--   ISO 4217 currency; rating is REAL.
-- =====================================================================================


-- -------------------------------------------------------------------------------------
-- marketplace_items: one row per published item, holding its current version.
-- rating is the average of rating_count ratings (NULL until the first one).
-- -------------------------------------------------------------------------------------
CREATE TABLE marketplace_items (
    id             TEXT    NOT NULL DEFAULT (lower(
        hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
        substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
    name           TEXT    NOT NULL,
    slug           TEXT    NOT NULL,
    description    TEXT,
    category       TEXT    NOT NULL,
    type           TEXT    NOT NULL,
    author_id      TEXT,
    author_name    TEXT    NOT NULL,
    version        TEXT    NOT NULL DEFAULT '1.0.0',
    pricing_model  TEXT    NOT NULL DEFAULT 'free',
    price_cents    INTEGER NOT NULL DEFAULT 0,
    currency       TEXT    NOT NULL DEFAULT 'USD',
    rating         REAL,
    rating_count   INTEGER NOT NULL DEFAULT 0,
    download_count INTEGER NOT NULL DEFAULT 0,
    tags           TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
    manifest       TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(manifest)),
    configuration  TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(configuration)),
    status         TEXT    NOT NULL DEFAULT 'draft',
    is_featured    INTEGER NOT NULL DEFAULT 0,
    published_at   TEXT,
    created_at     TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at     TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT pk_marketplace_items                PRIMARY KEY (id),
    CONSTRAINT ck_marketplace_items_id CHECK (id GLOB '????????-????-????-????-????????????'
                                              AND length(replace(id, '-', '')) = 32
                                              AND replace(id, '-', '') NOT GLOB '*[^0-9a-f]*'),
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
    CONSTRAINT ck_marketplace_items_free_price     CHECK (pricing_model <> 'free' OR price_cents = 0),
    CONSTRAINT ck_marketplace_items_currency       CHECK (currency GLOB '[A-Z][A-Z][A-Z]'),
    CONSTRAINT ck_marketplace_items_rating         CHECK (rating IS NULL OR rating BETWEEN 0 AND 5),
    CONSTRAINT ck_marketplace_items_rating_count   CHECK (rating_count >= 0),
    CONSTRAINT ck_marketplace_items_download_count CHECK (download_count >= 0),
    CONSTRAINT ck_marketplace_items_tags           CHECK (json_valid(tags) AND json_type(tags) = 'array'),
    CONSTRAINT ck_marketplace_items_manifest       CHECK (json_valid(manifest) AND json_type(manifest) = 'object'),
    CONSTRAINT ck_marketplace_items_status
        CHECK (status IN ('draft', 'pending_review', 'published', 'rejected', 'deprecated', 'archived')),
    CONSTRAINT ck_marketplace_items_published_at   CHECK (status <> 'published' OR published_at IS NOT NULL),
    CONSTRAINT ck_marketplace_items_is_featured    CHECK (is_featured IN (0, 1))
);

CREATE UNIQUE INDEX uq_marketplace_items_slug                 ON marketplace_items (slug);
CREATE        INDEX idx_marketplace_items_status_category     ON marketplace_items (status, category);
CREATE        INDEX idx_marketplace_items_status_type         ON marketplace_items (status, type);
CREATE        INDEX idx_marketplace_items_status_downloads    ON marketplace_items (status, download_count);
CREATE        INDEX idx_marketplace_items_status_rating       ON marketplace_items (status, rating);
CREATE        INDEX idx_marketplace_items_status_published_at ON marketplace_items (status, published_at);
CREATE        INDEX idx_marketplace_items_status_featured     ON marketplace_items (status, is_featured);
CREATE        INDEX idx_marketplace_items_author              ON marketplace_items (author_id);


CREATE TRIGGER trg_marketplace_items_updated_at AFTER UPDATE ON marketplace_items FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE marketplace_items SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
