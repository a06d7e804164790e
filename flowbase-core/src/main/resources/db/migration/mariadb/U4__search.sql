-- =====================================================================================
-- Flowbase core schema, undo of version 4 -- MariaDB 10.6+: drops the search indexes and
-- their generated columns
-- =====================================================================================
ALTER TABLE logs DROP INDEX ftx_logs_search, DROP COLUMN search_text;
ALTER TABLE tasks DROP INDEX ftx_tasks_search, DROP COLUMN search_text;
ALTER TABLE task_executions DROP INDEX ftx_task_executions_search, DROP COLUMN search_text;
ALTER TABLE workflows DROP INDEX ftx_workflows_search, DROP COLUMN search_text;
ALTER TABLE audit_log DROP INDEX ftx_audit_log_search, DROP COLUMN search_text;
