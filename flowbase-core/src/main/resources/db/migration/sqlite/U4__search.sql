-- =====================================================================================
-- Flowbase core schema, undo of version 4 -- SQLite 3.40+: drops the search indexes
-- =====================================================================================
DROP TRIGGER trg_logs_search_insert;
DROP TRIGGER trg_logs_search_delete;
DROP TRIGGER trg_logs_search_update;
DROP TABLE fts_logs;
DROP TRIGGER trg_tasks_search_insert;
DROP TRIGGER trg_tasks_search_delete;
DROP TRIGGER trg_tasks_search_update;
DROP TABLE fts_tasks;
DROP TRIGGER trg_task_executions_search_insert;
DROP TRIGGER trg_task_executions_search_delete;
DROP TRIGGER trg_task_executions_search_update;
DROP TABLE fts_task_executions;
DROP TRIGGER trg_workflows_search_insert;
DROP TRIGGER trg_workflows_search_delete;
DROP TRIGGER trg_workflows_search_update;
DROP TABLE fts_workflows;
DROP TRIGGER trg_audit_log_search_insert;
DROP TRIGGER trg_audit_log_search_delete;
DROP TRIGGER trg_audit_log_search_update;
DROP TABLE fts_audit_log;
