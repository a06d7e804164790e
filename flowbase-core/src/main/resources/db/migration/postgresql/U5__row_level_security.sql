-- =====================================================================================
-- Flowbase core schema, undo of version 6 -- PostgreSQL 14+
-- =====================================================================================
-- Takes row-level security off again: the stores' organization filter stays the only guard.
-- =====================================================================================

ALTER TABLE users NO FORCE ROW LEVEL SECURITY;
ALTER TABLE users DISABLE ROW LEVEL SECURITY;
DROP POLICY flowbase_organization ON users;

ALTER TABLE api_keys NO FORCE ROW LEVEL SECURITY;
ALTER TABLE api_keys DISABLE ROW LEVEL SECURITY;
DROP POLICY flowbase_organization ON api_keys;

ALTER TABLE agent_roles NO FORCE ROW LEVEL SECURITY;
ALTER TABLE agent_roles DISABLE ROW LEVEL SECURITY;
DROP POLICY flowbase_organization ON agent_roles;

ALTER TABLE workflows NO FORCE ROW LEVEL SECURITY;
ALTER TABLE workflows DISABLE ROW LEVEL SECURITY;
DROP POLICY flowbase_organization ON workflows;

ALTER TABLE workflow_executions NO FORCE ROW LEVEL SECURITY;
ALTER TABLE workflow_executions DISABLE ROW LEVEL SECURITY;
DROP POLICY flowbase_organization ON workflow_executions;

ALTER TABLE tasks NO FORCE ROW LEVEL SECURITY;
ALTER TABLE tasks DISABLE ROW LEVEL SECURITY;
DROP POLICY flowbase_organization ON tasks;

ALTER TABLE task_executions NO FORCE ROW LEVEL SECURITY;
ALTER TABLE task_executions DISABLE ROW LEVEL SECURITY;
DROP POLICY flowbase_organization ON task_executions;
