-- =====================================================================================
-- Flowbase core schema, version 6 -- MariaDB 10.6+: what a claim and a completion write
-- =====================================================================================
-- The same as postgresql/V6 where MariaDB has the structure (the why is there):
--   trg_tasks_updated_at  dropped: the queue, the only writer of tasks, sets updated_at in
--                       every statement.
--   task_executions      (worker, status) gone, no statement reads it; (status, created_at)
--                       becomes (created_at), which retention's delete by age can use.
-- No fillfactor (InnoDB updates in place) and no partial indexes here.
-- U6__lean_queue_writes.sql undoes this file.
-- =====================================================================================

DROP TRIGGER trg_tasks_updated_at;
ALTER TABLE task_executions
    DROP INDEX idx_task_executions_worker_status,
    DROP INDEX idx_task_executions_status_created_at,
    ADD INDEX idx_task_executions_created_at (created_at);
