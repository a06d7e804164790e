-- =====================================================================================
-- Flowbase core schema, undo of version 1 -- PostgreSQL 14+
-- =====================================================================================
-- Drops everything V1__core_schema.sql created, children before parents, then the
-- trigger function. Indexes, constraints and triggers go with their tables.
-- IF EXISTS lets the undo also clean up after a V1 that stopped half-way.
-- No CASCADE: if a user object (a view, a foreign key of the user's own tables) depends
-- on a Flowbase table, the undo stops and says so instead of dropping the user's object.
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

DROP FUNCTION IF EXISTS flowbase_touch_updated_at();
