-- =====================================================================================
-- Marketplace example, version 1: marketplace_items -- MariaDB 10.7+, InnoDB
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
-- Engine choices follow Flowbase's core schema (db/migration/mariadb/V1__core_schema.sql):
--   ids native UUID, DEFAULT (UUID()); JSON JSON; times DATETIME(6) holding UTC,
--   DEFAULT (UTC_TIMESTAMP(6)); booleans BOOLEAN with a 0/1 CHECK; utf8mb4_bin so that
--   CHECKs and unique indexes are case-sensitive; indexes declared inside CREATE TABLE;
--   a single-statement BEFORE UPDATE trigger (no DELIMITER). Prices are integer minor
--   units (price_cents) plus an ISO 4217 currency.
--   DDL is not transactional on MariaDB: if this file stops half-way, run the undo
--   (U1, which uses IF EXISTS) and apply again.
-- =====================================================================================


-- -------------------------------------------------------------------------------------
-- marketplace_items: one row per published item, holding its current version.
-- rating is the average of rating_count ratings (NULL until the first one).
-- -------------------------------------------------------------------------------------
CREATE TABLE marketplace_items (
    id             UUID         NOT NULL DEFAULT (UUID()),
    name           VARCHAR(255) NOT NULL,
    slug           VARCHAR(100) NOT NULL,
    description    TEXT,
    category       VARCHAR(100) NOT NULL,
    type           VARCHAR(20)  NOT NULL,
    author_id      UUID,
    author_name    VARCHAR(255) NOT NULL,
    version        VARCHAR(50)  NOT NULL DEFAULT '1.0.0',
    pricing_model  VARCHAR(20)  NOT NULL DEFAULT 'free',
    price_cents    BIGINT       NOT NULL DEFAULT 0,
    currency       VARCHAR(3)   NOT NULL DEFAULT 'USD',
    rating         DOUBLE,
    rating_count   INT          NOT NULL DEFAULT 0,
    download_count BIGINT       NOT NULL DEFAULT 0,
    tags           JSON         NOT NULL DEFAULT '[]',
    manifest       JSON         NOT NULL DEFAULT '{}',
    configuration  JSON         NOT NULL DEFAULT '{}',
    status         VARCHAR(20)  NOT NULL DEFAULT 'draft',
    is_featured    BOOLEAN      NOT NULL DEFAULT FALSE,
    published_at   DATETIME(6),
    created_at     DATETIME(6)  NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    updated_at     DATETIME(6)  NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    CONSTRAINT pk_marketplace_items PRIMARY KEY (id),
    UNIQUE KEY uq_marketplace_items_slug                 (slug),
    KEY        idx_marketplace_items_status_category     (status, category),
    KEY        idx_marketplace_items_status_type         (status, type),
    KEY        idx_marketplace_items_status_downloads    (status, download_count),
    KEY        idx_marketplace_items_status_rating       (status, rating),
    KEY        idx_marketplace_items_status_published_at (status, published_at),
    KEY        idx_marketplace_items_status_featured     (status, is_featured),
    KEY        idx_marketplace_items_author              (author_id),
    CONSTRAINT ck_marketplace_items_name           CHECK (name <> ''),
    CONSTRAINT ck_marketplace_items_slug           CHECK (slug <> '' AND slug = LOWER(slug)),
    CONSTRAINT ck_marketplace_items_category       CHECK (category <> ''),
    CONSTRAINT ck_marketplace_items_type
        CHECK (type IN ('workflow', 'agent_role', 'template', 'integration', 'tool')),
    CONSTRAINT ck_marketplace_items_author_name    CHECK (author_name <> ''),
    CONSTRAINT ck_marketplace_items_version        CHECK (version <> ''),
    CONSTRAINT ck_marketplace_items_pricing_model
        CHECK (pricing_model IN ('free', 'one_time', 'subscription', 'usage_based')),
    CONSTRAINT ck_marketplace_items_price_cents    CHECK (price_cents >= 0),
    CONSTRAINT ck_marketplace_items_free_price     CHECK (pricing_model <> 'free' OR price_cents = 0),
    CONSTRAINT ck_marketplace_items_currency       CHECK (currency REGEXP '^[A-Z]{3}$'),
    CONSTRAINT ck_marketplace_items_rating         CHECK (rating IS NULL OR rating BETWEEN 0 AND 5),
    CONSTRAINT ck_marketplace_items_rating_count   CHECK (rating_count >= 0),
    CONSTRAINT ck_marketplace_items_download_count CHECK (download_count >= 0),
    CONSTRAINT ck_marketplace_items_tags           CHECK (JSON_TYPE(tags) = 'ARRAY'),
    CONSTRAINT ck_marketplace_items_manifest       CHECK (JSON_TYPE(manifest) = 'OBJECT'),
    CONSTRAINT ck_marketplace_items_status
        CHECK (status IN ('draft', 'pending_review', 'published', 'rejected', 'deprecated', 'archived')),
    CONSTRAINT ck_marketplace_items_published_at   CHECK (status <> 'published' OR published_at IS NOT NULL),
    CONSTRAINT ck_marketplace_items_is_featured    CHECK (is_featured IN (0, 1))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;


CREATE TRIGGER trg_marketplace_items_updated_at BEFORE UPDATE ON marketplace_items FOR EACH ROW
    SET NEW.updated_at = IF(NEW.updated_at <=> OLD.updated_at, UTC_TIMESTAMP(6), NEW.updated_at);
