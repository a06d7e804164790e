-- =====================================================================================
-- Flowbase core schema, undo of version 1 -- SQLite 3.40+
-- =====================================================================================
-- Drops everything V1__core_schema.sql created, children before parents: with
-- PRAGMA foreign_keys = ON, SQLite empties a table before dropping it and checks the
-- foreign keys that point at it, so parents must go last. Indexes and triggers go with
-- their tables. IF EXISTS lets the undo also clean up after a V1 that stopped half-way.
-- flowbase_schema_history is left alone (the migration engine owns it).
-- =====================================================================================

DROP TABLE IF EXISTS seed_runs;
DROP TABLE IF EXISTS system_metrics;
DROP TABLE IF EXISTS components;
DROP TABLE IF EXISTS configurations;
DROP TABLE IF EXISTS audit_log;
DROP TABLE IF EXISTS logs;
DROP TABLE IF EXISTS task_executions;
DROP TABLE IF EXISTS task_dependencies;
DROP TABLE IF EXISTS tasks;
DROP TABLE IF EXISTS workflow_executions;
DROP TABLE IF EXISTS workflow_versions;
DROP TABLE IF EXISTS workflows;
DROP TABLE IF EXISTS agent_role_dependencies;
DROP TABLE IF EXISTS agent_role_versions;
DROP TABLE IF EXISTS agent_roles;
DROP TABLE IF EXISTS api_keys;
DROP TABLE IF EXISTS users;
DROP TABLE IF EXISTS organizations;
