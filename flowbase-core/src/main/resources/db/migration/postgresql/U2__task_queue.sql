-- =====================================================================================
-- Flowbase core schema, undo of version 2 -- PostgreSQL 14+
-- =====================================================================================
-- Puts the claim back on tasks: the lease expiries of running tasks are copied back first,
-- then task_queue, the counters and pending_parents go and the version 1 indexes return.
-- =====================================================================================

UPDATE tasks t SET lease_expires_at = q.lease_expires_at
FROM task_queue q WHERE q.task_id = t.id AND q.lease_owner IS NOT NULL AND t.status = 'running';
DROP TABLE task_queue;

ALTER TABLE workflow_executions
    DROP COLUMN tasks_total,
    DROP COLUMN tasks_succeeded,
    DROP COLUMN tasks_failed,
    DROP COLUMN tasks_cancelled;

ALTER TABLE tasks RESET (fillfactor);
DROP INDEX idx_tasks_dead_letter;
DROP INDEX idx_tasks_workflow;
DROP INDEX idx_tasks_workflow_execution;
DROP INDEX idx_tasks_organization_created_at;
CREATE INDEX idx_tasks_claim ON tasks (queue_name, status, priority DESC, run_at)
    WHERE status IN ('pending', 'ready');
CREATE INDEX idx_tasks_lease_expiry ON tasks (status, lease_expires_at)
    WHERE status = 'running';
CREATE INDEX idx_tasks_dead_letter ON tasks (queue_name, dead_lettered_at)
    WHERE status = 'dead';
CREATE INDEX idx_tasks_workflow_status                ON tasks (workflow_id, status);
CREATE INDEX idx_tasks_workflow_execution_status      ON tasks (workflow_execution_id, status);
CREATE INDEX idx_tasks_organization_status_created_at ON tasks (organization_id, status, created_at);
ALTER TABLE tasks DROP CONSTRAINT ck_tasks_pending_parents;
ALTER TABLE tasks DROP COLUMN pending_parents;
