-- =====================================================================================
-- Flowbase core schema, undo of version 4 -- PostgreSQL 14+: drops the search indexes
-- =====================================================================================
DROP INDEX idx_pg_logs_search;
DROP INDEX idx_pg_tasks_search;
DROP INDEX idx_pg_task_executions_search;
DROP INDEX idx_pg_workflows_search;
DROP INDEX idx_pg_audit_log_search;
