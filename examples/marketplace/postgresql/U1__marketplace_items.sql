-- =====================================================================================
-- Marketplace example, undo of version 1 -- PostgreSQL 14+
-- =====================================================================================
-- Drops what V1__marketplace_items.sql created: the table (its indexes, constraints and
-- trigger go with it), then the trigger function. IF EXISTS lets the undo also clean
-- up after a V1 that stopped half-way. No CASCADE: a view or foreign key of yours that
-- still depends on marketplace_items stops the undo instead of being dropped.
-- =====================================================================================

DROP TABLE IF EXISTS marketplace_items;

DROP FUNCTION IF EXISTS marketplace_touch_updated_at();
