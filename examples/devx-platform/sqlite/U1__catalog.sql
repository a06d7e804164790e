-- =====================================================================================
-- DevX Platform example, undo of version 1 -- SQLite 3.40+
-- =====================================================================================
-- Drops everything V1__catalog.sql created, children before parents: with
-- PRAGMA foreign_keys = ON, SQLite empties a table before dropping it and checks the
-- foreign keys that point at it, so parents must go last. Indexes and triggers go with
-- their tables. IF EXISTS lets the undo also clean up after a V1 that stopped half-way.
-- =====================================================================================

DROP TABLE IF EXISTS devx_template_technologies;
DROP TABLE IF EXISTS devx_templates;
DROP TABLE IF EXISTS devx_technologies;
DROP TABLE IF EXISTS devx_categories;
