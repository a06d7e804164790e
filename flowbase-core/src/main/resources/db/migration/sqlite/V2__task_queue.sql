-- =====================================================================================
-- Flowbase core schema, version 2 -- SQLite 3.40+: the narrow claim table
-- =====================================================================================
-- The same change as postgresql/V2__task_queue.sql, which explains it: task_queue holds
-- the ready and leased tasks, tasks.pending_parents counts the parents still to succeed,
-- workflow_executions.tasks_* count a run's tasks by outcome, and status leaves the
-- indexes of tasks. Timestamps are ISO-8601 UTC text, as everywhere in this schema.
-- U2__task_queue.sql undoes this file.
-- =====================================================================================

CREATE TABLE task_queue (
    task_id          TEXT    NOT NULL,
    queue_name       TEXT    NOT NULL,
    priority         INTEGER NOT NULL,
    run_at           TEXT    NOT NULL,
    attempt          INTEGER NOT NULL,
    lease_owner      TEXT,
    lease_expires_at TEXT,
    claimed_at       TEXT,
    CONSTRAINT pk_task_queue         PRIMARY KEY (task_id),
    CONSTRAINT fk_task_queue_task    FOREIGN KEY (task_id) REFERENCES tasks (id) ON DELETE CASCADE,
    CONSTRAINT ck_task_queue_lease   CHECK ((lease_owner IS NULL) = (lease_expires_at IS NULL)),
    CONSTRAINT ck_task_queue_attempt CHECK (attempt >= 0)
);
CREATE INDEX idx_task_queue_claim ON task_queue (queue_name, priority DESC, run_at)
    WHERE lease_owner IS NULL;
CREATE INDEX idx_task_queue_lease ON task_queue (lease_expires_at)
    WHERE lease_owner IS NOT NULL;

ALTER TABLE tasks ADD COLUMN pending_parents INTEGER NOT NULL DEFAULT 0 CHECK (pending_parents >= 0);
UPDATE tasks SET pending_parents = (
    SELECT COUNT(*) FROM task_dependencies d JOIN tasks p ON p.id = d.depends_on_task_id
    WHERE d.task_id = tasks.id AND p.status <> 'succeeded')
WHERE status = 'pending';

-- A child whose parents had all succeeded waited for ever in version 1: it is ready now.
UPDATE tasks SET status = 'ready'
WHERE status = 'pending' AND pending_parents = 0
  AND id IN (SELECT task_id FROM task_dependencies);

INSERT INTO task_queue (task_id, queue_name, priority, run_at, attempt, lease_owner, lease_expires_at, claimed_at)
SELECT id, queue_name, priority, run_at, attempt, lease_owner, lease_expires_at,
       CASE WHEN lease_owner IS NOT NULL THEN COALESCE(started_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) END
FROM tasks WHERE status = 'ready' OR (status = 'running' AND lease_owner IS NOT NULL);

DROP INDEX idx_tasks_claim;
DROP INDEX idx_tasks_lease_expiry;
DROP INDEX idx_tasks_dead_letter;
DROP INDEX idx_tasks_workflow_status;
DROP INDEX idx_tasks_workflow_execution_status;
DROP INDEX idx_tasks_organization_status_created_at;
CREATE INDEX idx_tasks_dead_letter             ON tasks (queue_name, dead_lettered_at)
    WHERE dead_lettered_at IS NOT NULL;
CREATE INDEX idx_tasks_workflow                ON tasks (workflow_id);
CREATE INDEX idx_tasks_workflow_execution      ON tasks (workflow_execution_id);
CREATE INDEX idx_tasks_organization_created_at ON tasks (organization_id, created_at);

ALTER TABLE workflow_executions ADD COLUMN tasks_total     INTEGER NOT NULL DEFAULT 0;
ALTER TABLE workflow_executions ADD COLUMN tasks_succeeded INTEGER NOT NULL DEFAULT 0;
ALTER TABLE workflow_executions ADD COLUMN tasks_failed    INTEGER NOT NULL DEFAULT 0;
ALTER TABLE workflow_executions ADD COLUMN tasks_cancelled INTEGER NOT NULL DEFAULT 0;
UPDATE workflow_executions SET
    tasks_total     = (SELECT COUNT(*) FROM tasks t WHERE t.workflow_execution_id = workflow_executions.id),
    tasks_succeeded = (SELECT COUNT(*) FROM tasks t WHERE t.workflow_execution_id = workflow_executions.id AND t.status = 'succeeded'),
    tasks_failed    = (SELECT COUNT(*) FROM tasks t WHERE t.workflow_execution_id = workflow_executions.id AND t.status IN ('failed', 'dead')),
    tasks_cancelled = (SELECT COUNT(*) FROM tasks t WHERE t.workflow_execution_id = workflow_executions.id AND t.status = 'cancelled');
