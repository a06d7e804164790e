-- =====================================================================================
-- Flowbase core schema, undo of version 6 -- MariaDB 10.6+
-- =====================================================================================
ALTER TABLE task_executions
    DROP INDEX idx_task_executions_created_at,
    ADD INDEX idx_task_executions_status_created_at (status, created_at),
    ADD INDEX idx_task_executions_worker_status (worker, status);
CREATE TRIGGER trg_tasks_updated_at BEFORE UPDATE ON tasks FOR EACH ROW
    SET NEW.updated_at = IF(NEW.updated_at <=> OLD.updated_at, UTC_TIMESTAMP(6), NEW.updated_at);
