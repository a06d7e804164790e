-- =====================================================================================
-- DevX Platform example, undo of version 2 -- PostgreSQL 14+
-- =====================================================================================
-- Drops everything V2__projects.sql created, children before parents. Indexes,
-- constraints and triggers go with their tables; devx_touch_updated_at() belongs to V1
-- and stays. IF EXISTS lets the undo also clean up after a V2 that stopped half-way.
-- =====================================================================================

DROP TABLE IF EXISTS devx_api_keys;
DROP TABLE IF EXISTS devx_activity_logs;
DROP TABLE IF EXISTS devx_generation_history;
DROP TABLE IF EXISTS devx_services;
DROP TABLE IF EXISTS devx_projects;
