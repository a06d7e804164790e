-- =====================================================================================
-- DevX Platform example, undo of version 1 -- MariaDB 10.7+
-- =====================================================================================
-- Drops everything V1__catalog.sql created, children before parents (so no foreign key
-- check has to be switched off). Indexes, constraints and triggers go with their
-- tables. IF EXISTS lets the undo also clean up after a V1 that stopped half-way (DDL
-- is not transactional on MariaDB). Each DROP commits on its own.
-- =====================================================================================

DROP TABLE IF EXISTS devx_template_technologies;
DROP TABLE IF EXISTS devx_templates;
DROP TABLE IF EXISTS devx_technologies;
DROP TABLE IF EXISTS devx_categories;
