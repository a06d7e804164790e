-- =====================================================================================
-- DevX Platform example, undo of version 2 -- MariaDB 10.7+
-- =====================================================================================
-- Drops everything V2__projects.sql created, children before parents. Indexes,
-- constraints and triggers go with their tables. IF EXISTS lets the undo also clean up
-- after a V2 that stopped half-way (DDL is not transactional on MariaDB).
-- =====================================================================================

DROP TABLE IF EXISTS devx_api_keys;
DROP TABLE IF EXISTS devx_activity_logs;
DROP TABLE IF EXISTS devx_generation_history;
DROP TABLE IF EXISTS devx_services;
DROP TABLE IF EXISTS devx_projects;
