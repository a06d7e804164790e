-- =====================================================================================
-- Flowbase core schema, undo of version 6 -- PostgreSQL 14+
-- =====================================================================================
DROP INDEX idx_pg_task_executions_search;
CREATE INDEX idx_pg_task_executions_search ON task_executions USING gin (
    to_tsvector('simple'::regconfig, translate(coalesce(error_message, '') || ' ' || coalesce(output, ''), '/._-@:', '      ')));

DROP INDEX idx_task_executions_workflow_execution_status;
CREATE INDEX idx_task_executions_workflow_execution_status ON task_executions (workflow_execution_id, status);
DROP INDEX idx_task_executions_created_at;
CREATE INDEX idx_task_executions_status_created_at ON task_executions (status, created_at);
CREATE INDEX idx_task_executions_worker_status ON task_executions (worker, status);

CREATE TRIGGER trg_tasks_updated_at BEFORE UPDATE ON tasks
    FOR EACH ROW EXECUTE FUNCTION flowbase_touch_updated_at();
ALTER TABLE task_queue RESET (fillfactor);
ALTER TABLE tasks SET (fillfactor = 40);
