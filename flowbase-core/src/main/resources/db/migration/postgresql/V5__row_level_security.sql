-- =====================================================================================
-- Flowbase core schema, version 6 -- PostgreSQL 14+: row-level security per organization
-- =====================================================================================
-- The second line behind the stores' organization filter (Tenancy): each table whose rows
-- belong to one organization answers only that organization's rows to a transaction that
-- has set flowbase.org (SET LOCAL, through set_config(..., true): it ends with the
-- transaction, so it also holds behind transaction pooling). The stores set it in every
-- transaction of a caller's (Stores.within). Without the setting, as for Flowbase's own
-- installation-wide work (the reaper, the key look-up, the migrations), every row is seen.
-- FORCE makes the owner subject too; a superuser or a BYPASSRLS role never is, so serve as
-- the application user (flowbase db create-users). The setting is read once per statement
-- ((SELECT ...) is an InitPlan), and organization_id leads an index on every table here.
-- U5__row_level_security.sql undoes this file.
-- =====================================================================================

CREATE POLICY flowbase_organization ON users
    USING (organization_id = COALESCE((SELECT CAST(NULLIF(current_setting('flowbase.org', true), '') AS uuid)), organization_id))
    WITH CHECK (organization_id = COALESCE((SELECT CAST(NULLIF(current_setting('flowbase.org', true), '') AS uuid)), organization_id));
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;

CREATE POLICY flowbase_organization ON api_keys
    USING (organization_id = COALESCE((SELECT CAST(NULLIF(current_setting('flowbase.org', true), '') AS uuid)), organization_id))
    WITH CHECK (organization_id = COALESCE((SELECT CAST(NULLIF(current_setting('flowbase.org', true), '') AS uuid)), organization_id));
ALTER TABLE api_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_keys FORCE ROW LEVEL SECURITY;

CREATE POLICY flowbase_organization ON agent_roles
    USING (organization_id = COALESCE((SELECT CAST(NULLIF(current_setting('flowbase.org', true), '') AS uuid)), organization_id))
    WITH CHECK (organization_id = COALESCE((SELECT CAST(NULLIF(current_setting('flowbase.org', true), '') AS uuid)), organization_id));
ALTER TABLE agent_roles ENABLE ROW LEVEL SECURITY;
ALTER TABLE agent_roles FORCE ROW LEVEL SECURITY;

CREATE POLICY flowbase_organization ON workflows
    USING (organization_id = COALESCE((SELECT CAST(NULLIF(current_setting('flowbase.org', true), '') AS uuid)), organization_id))
    WITH CHECK (organization_id = COALESCE((SELECT CAST(NULLIF(current_setting('flowbase.org', true), '') AS uuid)), organization_id));
ALTER TABLE workflows ENABLE ROW LEVEL SECURITY;
ALTER TABLE workflows FORCE ROW LEVEL SECURITY;

CREATE POLICY flowbase_organization ON workflow_executions
    USING (organization_id = COALESCE((SELECT CAST(NULLIF(current_setting('flowbase.org', true), '') AS uuid)), organization_id))
    WITH CHECK (organization_id = COALESCE((SELECT CAST(NULLIF(current_setting('flowbase.org', true), '') AS uuid)), organization_id));
ALTER TABLE workflow_executions ENABLE ROW LEVEL SECURITY;
ALTER TABLE workflow_executions FORCE ROW LEVEL SECURITY;

CREATE POLICY flowbase_organization ON tasks
    USING (organization_id = COALESCE((SELECT CAST(NULLIF(current_setting('flowbase.org', true), '') AS uuid)), organization_id))
    WITH CHECK (organization_id = COALESCE((SELECT CAST(NULLIF(current_setting('flowbase.org', true), '') AS uuid)), organization_id));
ALTER TABLE tasks ENABLE ROW LEVEL SECURITY;
ALTER TABLE tasks FORCE ROW LEVEL SECURITY;

CREATE POLICY flowbase_organization ON task_executions
    USING (organization_id = COALESCE((SELECT CAST(NULLIF(current_setting('flowbase.org', true), '') AS uuid)), organization_id))
    WITH CHECK (organization_id = COALESCE((SELECT CAST(NULLIF(current_setting('flowbase.org', true), '') AS uuid)), organization_id));
ALTER TABLE task_executions ENABLE ROW LEVEL SECURITY;
ALTER TABLE task_executions FORCE ROW LEVEL SECURITY;
