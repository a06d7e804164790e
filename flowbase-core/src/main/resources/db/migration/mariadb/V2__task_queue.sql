-- =====================================================================================
-- Flowbase core schema, version 2 -- MariaDB 10.6+: the narrow claim table
-- =====================================================================================
-- The same change as postgresql/V2__task_queue.sql, which explains it: task_queue holds
-- the ready and leased tasks, tasks.pending_parents counts the parents still to succeed,
-- workflow_executions.tasks_* count a run's tasks by outcome, and status leaves the
-- indexes of tasks (InnoDB then rewrites no secondary index when a status changes).
-- No partial indexes here: the two task_queue indexes cover every row of a table that
-- only ever holds the ready and running tasks.
-- U2__task_queue.sql undoes this file.
-- =====================================================================================

CREATE TABLE task_queue (
    task_id          UUID         NOT NULL,
    queue_name       VARCHAR(100) NOT NULL,
    priority         INT          NOT NULL,
    run_at           DATETIME(6)  NOT NULL,
    attempt          INT          NOT NULL,
    lease_owner      VARCHAR(255),
    lease_expires_at DATETIME(6),
    claimed_at       DATETIME(6),
    CONSTRAINT pk_task_queue PRIMARY KEY (task_id),
    KEY idx_task_queue_claim (queue_name, priority DESC, run_at),
    KEY idx_task_queue_lease (lease_expires_at),
    CONSTRAINT fk_task_queue_task    FOREIGN KEY (task_id) REFERENCES tasks (id) ON DELETE CASCADE,
    CONSTRAINT ck_task_queue_lease   CHECK ((lease_owner IS NULL) = (lease_expires_at IS NULL)),
    CONSTRAINT ck_task_queue_attempt CHECK (attempt >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

ALTER TABLE tasks
    ADD COLUMN pending_parents INT NOT NULL DEFAULT 0,
    ADD CONSTRAINT ck_tasks_pending_parents CHECK (pending_parents >= 0);
UPDATE tasks t JOIN (
    SELECT d.task_id, COUNT(*) AS n FROM task_dependencies d JOIN tasks p ON p.id = d.depends_on_task_id
    WHERE p.status <> 'succeeded' GROUP BY d.task_id) waiting ON waiting.task_id = t.id
SET t.pending_parents = waiting.n
WHERE t.status = 'pending';

-- A child whose parents had all succeeded waited for ever in version 1: it is ready now.
UPDATE tasks SET status = 'ready'
WHERE status = 'pending' AND pending_parents = 0
  AND id IN (SELECT task_id FROM task_dependencies);

INSERT INTO task_queue (task_id, queue_name, priority, run_at, attempt, lease_owner, lease_expires_at, claimed_at)
SELECT id, queue_name, priority, run_at, attempt, lease_owner, lease_expires_at,
       CASE WHEN lease_owner IS NOT NULL THEN COALESCE(started_at, UTC_TIMESTAMP(6)) END
FROM tasks WHERE status = 'ready' OR (status = 'running' AND lease_owner IS NOT NULL);

ALTER TABLE tasks
    DROP INDEX idx_tasks_claim,
    DROP INDEX idx_tasks_lease_expiry,
    DROP INDEX idx_tasks_dead_letter,
    DROP INDEX idx_tasks_workflow_status,
    DROP INDEX idx_tasks_workflow_execution_status,
    DROP INDEX idx_tasks_organization_status_created_at,
    ADD INDEX idx_tasks_dead_letter             (queue_name, dead_lettered_at),
    ADD INDEX idx_tasks_workflow                (workflow_id),
    ADD INDEX idx_tasks_workflow_execution      (workflow_execution_id),
    ADD INDEX idx_tasks_organization_created_at (organization_id, created_at);

ALTER TABLE workflow_executions
    ADD COLUMN tasks_total     INT NOT NULL DEFAULT 0,
    ADD COLUMN tasks_succeeded INT NOT NULL DEFAULT 0,
    ADD COLUMN tasks_failed    INT NOT NULL DEFAULT 0,
    ADD COLUMN tasks_cancelled INT NOT NULL DEFAULT 0;
UPDATE workflow_executions e SET
    tasks_total     = (SELECT COUNT(*) FROM tasks t WHERE t.workflow_execution_id = e.id),
    tasks_succeeded = (SELECT COUNT(*) FROM tasks t WHERE t.workflow_execution_id = e.id AND t.status = 'succeeded'),
    tasks_failed    = (SELECT COUNT(*) FROM tasks t WHERE t.workflow_execution_id = e.id AND t.status IN ('failed', 'dead')),
    tasks_cancelled = (SELECT COUNT(*) FROM tasks t WHERE t.workflow_execution_id = e.id AND t.status = 'cancelled');
