-- =====================================================================================
-- Flowbase core schema, undo of version 2 -- SQLite 3.40+
-- =====================================================================================
-- Puts the claim back on tasks, as postgresql/U2__task_queue.sql does.
-- =====================================================================================

UPDATE tasks SET lease_expires_at = (SELECT q.lease_expires_at FROM task_queue q WHERE q.task_id = tasks.id)
WHERE status = 'running' AND lease_owner IS NOT NULL
  AND EXISTS (SELECT 1 FROM task_queue q WHERE q.task_id = tasks.id AND q.lease_owner IS NOT NULL);
DROP TABLE task_queue;

ALTER TABLE workflow_executions DROP COLUMN tasks_total;
ALTER TABLE workflow_executions DROP COLUMN tasks_succeeded;
ALTER TABLE workflow_executions DROP COLUMN tasks_failed;
ALTER TABLE workflow_executions DROP COLUMN tasks_cancelled;

DROP INDEX idx_tasks_dead_letter;
DROP INDEX idx_tasks_workflow;
DROP INDEX idx_tasks_workflow_execution;
DROP INDEX idx_tasks_organization_created_at;
CREATE        INDEX idx_tasks_claim                          ON tasks (queue_name, status, priority DESC, run_at);
CREATE        INDEX idx_tasks_lease_expiry                   ON tasks (status, lease_expires_at);
CREATE        INDEX idx_tasks_dead_letter                    ON tasks (queue_name, dead_lettered_at);
CREATE        INDEX idx_tasks_workflow_status                ON tasks (workflow_id, status);
CREATE        INDEX idx_tasks_workflow_execution_status      ON tasks (workflow_execution_id, status);
CREATE        INDEX idx_tasks_organization_status_created_at ON tasks (organization_id, status, created_at);
ALTER TABLE tasks DROP COLUMN pending_parents;
