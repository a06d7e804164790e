-- =====================================================================================
-- Flowbase core schema, undo of version 1 -- MariaDB 10.7+
-- =====================================================================================
-- Drops everything V1__core_schema.sql created, children before parents (so no foreign
-- key check has to be switched off). Indexes, constraints and triggers go with their
-- tables. IF EXISTS lets the undo also clean up after a V1 that stopped half-way (DDL
-- is not transactional on MariaDB). Each DROP commits on its own.
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
