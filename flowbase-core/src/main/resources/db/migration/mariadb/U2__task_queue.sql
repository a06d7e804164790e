-- =====================================================================================
-- Flowbase core schema, undo of version 2 -- MariaDB 10.6+
-- =====================================================================================
-- Puts the claim back on tasks, as postgresql/U2__task_queue.sql does.
-- =====================================================================================

UPDATE tasks t JOIN task_queue q ON q.task_id = t.id
SET t.lease_expires_at = q.lease_expires_at
WHERE q.lease_owner IS NOT NULL AND t.status = 'running';
DROP TABLE task_queue;

ALTER TABLE workflow_executions
    DROP COLUMN tasks_total,
    DROP COLUMN tasks_succeeded,
    DROP COLUMN tasks_failed,
    DROP COLUMN tasks_cancelled;

ALTER TABLE tasks
    DROP INDEX idx_tasks_dead_letter,
    DROP INDEX idx_tasks_workflow,
    DROP INDEX idx_tasks_workflow_execution,
    DROP INDEX idx_tasks_organization_created_at,
    ADD INDEX idx_tasks_claim                          (queue_name, status, priority DESC, run_at),
    ADD INDEX idx_tasks_lease_expiry                   (status, lease_expires_at),
    ADD INDEX idx_tasks_dead_letter                    (queue_name, dead_lettered_at),
    ADD INDEX idx_tasks_workflow_status                (workflow_id, status),
    ADD INDEX idx_tasks_workflow_execution_status      (workflow_execution_id, status),
    ADD INDEX idx_tasks_organization_status_created_at (organization_id, status, created_at),
    DROP CONSTRAINT ck_tasks_pending_parents,
    DROP COLUMN pending_parents;
