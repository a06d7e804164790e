-- =====================================================================================
-- Flowbase core schema, version 2 -- PostgreSQL 14+: the narrow claim table
-- =====================================================================================
-- Measured first (bench/RESULTS.md): with the claim on the wide tasks row, every claim and
-- every completion rewrote a 35-column row and all nine of its indexes, because status was
-- in five of them. Version 2 moves what the queue touches on every task into task_queue, a
-- narrow table that holds only the tasks that are ready or running, and takes status out
-- of the tasks indexes, so that the status changes left on tasks are heap-only (HOT)
-- updates that write no index at all.
--
--   task_queue          one row per ready task and per task running under a lease: what the claim orders by,
--                       the attempt (the fencing token) and the lease. Inserted when a task
--                       becomes ready, deleted when its attempt ends for good.
--   tasks.pending_parents  how many of the task's parents have not succeeded yet: a child
--                       is released when it reaches 0, without scanning its parents.
--   workflow_executions.tasks_*  counters of the run's tasks by outcome: progress and the
--                       end of a run are read from them, never by counting tasks.
--   tasks indexes       no status column, no predicate on status.
--   tasks fillfactor 40 room on each page for the two HOT updates of a task's life (claim
--                       and end); measured against 50 and 70 in bench/RESULTS.md.
-- U2__task_queue.sql undoes this file.
-- =====================================================================================

CREATE TABLE task_queue (
    task_id          uuid         NOT NULL,
    queue_name       varchar(100) NOT NULL,
    priority         integer      NOT NULL,
    run_at           timestamptz  NOT NULL,
    attempt          integer      NOT NULL,
    lease_owner      varchar(255),
    lease_expires_at timestamptz,
    claimed_at       timestamptz,
    CONSTRAINT pk_task_queue       PRIMARY KEY (task_id),
    CONSTRAINT fk_task_queue_task  FOREIGN KEY (task_id) REFERENCES tasks (id) ON DELETE CASCADE,
    CONSTRAINT ck_task_queue_lease CHECK ((lease_owner IS NULL) = (lease_expires_at IS NULL)),
    CONSTRAINT ck_task_queue_attempt CHECK (attempt >= 0)
);
-- The claim: ready rows of one queue, highest priority first, then by run_at.
CREATE INDEX idx_task_queue_claim ON task_queue (queue_name, priority DESC, run_at)
    WHERE lease_owner IS NULL;
-- The reaper: leases by expiry.
CREATE INDEX idx_task_queue_lease ON task_queue (lease_expires_at)
    WHERE lease_owner IS NOT NULL;

ALTER TABLE tasks ADD COLUMN pending_parents integer NOT NULL DEFAULT 0;
ALTER TABLE tasks ADD CONSTRAINT ck_tasks_pending_parents CHECK (pending_parents >= 0);
UPDATE tasks t SET pending_parents = (
    SELECT COUNT(*) FROM task_dependencies d JOIN tasks p ON p.id = d.depends_on_task_id
    WHERE d.task_id = t.id AND p.status <> 'succeeded')
WHERE t.status = 'pending';

-- A child whose parents had all succeeded waited for ever in version 1: it is ready now.
UPDATE tasks SET status = 'ready'
WHERE status = 'pending' AND pending_parents = 0
  AND id IN (SELECT task_id FROM task_dependencies);

INSERT INTO task_queue (task_id, queue_name, priority, run_at, attempt, lease_owner, lease_expires_at, claimed_at)
SELECT id, queue_name, priority, run_at, attempt,
       lease_owner, lease_expires_at, CASE WHEN lease_owner IS NOT NULL THEN COALESCE(started_at, now()) END
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
ALTER TABLE tasks SET (fillfactor = 40);

ALTER TABLE workflow_executions
    ADD COLUMN tasks_total     integer NOT NULL DEFAULT 0,
    ADD COLUMN tasks_succeeded integer NOT NULL DEFAULT 0,
    ADD COLUMN tasks_failed    integer NOT NULL DEFAULT 0,
    ADD COLUMN tasks_cancelled integer NOT NULL DEFAULT 0;
UPDATE workflow_executions e SET
    tasks_total     = (SELECT COUNT(*) FROM tasks t WHERE t.workflow_execution_id = e.id),
    tasks_succeeded = (SELECT COUNT(*) FROM tasks t WHERE t.workflow_execution_id = e.id AND t.status = 'succeeded'),
    tasks_failed    = (SELECT COUNT(*) FROM tasks t WHERE t.workflow_execution_id = e.id AND t.status IN ('failed', 'dead')),
    tasks_cancelled = (SELECT COUNT(*) FROM tasks t WHERE t.workflow_execution_id = e.id AND t.status = 'cancelled');
