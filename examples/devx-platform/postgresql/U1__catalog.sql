-- =====================================================================================
-- DevX Platform example, undo of version 1 -- PostgreSQL 14+
-- =====================================================================================
-- Drops everything V1__catalog.sql created, children before parents, then the trigger
-- function. Indexes, constraints and triggers go with their tables. IF EXISTS lets the
-- undo also clean up after a V1 that stopped half-way. No CASCADE: if something else
-- still depends on these tables (V2 not rolled back, a view), the undo stops and says so.
-- =====================================================================================

DROP TABLE IF EXISTS devx_template_technologies;
DROP TABLE IF EXISTS devx_templates;
DROP TABLE IF EXISTS devx_technologies;
DROP TABLE IF EXISTS devx_categories;

DROP FUNCTION IF EXISTS devx_touch_updated_at();
