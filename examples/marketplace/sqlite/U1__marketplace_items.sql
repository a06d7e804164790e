-- =====================================================================================
-- Marketplace example, undo of version 1 -- SQLite 3.40+
-- =====================================================================================
-- Drops what V1__marketplace_items.sql created; its indexes and trigger go with the
-- table. IF EXISTS lets the undo also clean up after a V1 that stopped half-way.
-- =====================================================================================

DROP TABLE IF EXISTS marketplace_items;
