-- =====================================================================================
-- Flowbase core schema, version 6 -- PostgreSQL 14+: what a claim and a completion write
-- =====================================================================================
-- Measured first (issue 26, bench/RESULTS.md): one worker round's statements, replayed with
-- pgbench and read back with pg_walinspect, wrote 2.6 KB of WAL per task. Where it went and
-- what this file does about it:
--
--   tasks fillfactor 30   a task's row is updated twice in its life (claim, end), and the
--                       version before the claim cannot be pruned while other workers'
--                       transactions that began before it still run: at 40 about half of
--                       the ends found no room on the page and became non-HOT updates, which
--                       write every index of tasks, two of them GIN (0.6 KB a task).
--   trg_tasks_updated_at  dropped: a BEFORE ROW trigger makes PostgreSQL lock every row it
--                       updates first (a LOCK record each, even with a WHEN that is false).
--                       The queue, the only writer of tasks (TaskOwnershipTest), sets
--                       updated_at in every statement instead.
--   task_queue fillfactor 50  the claim's new row version stays on its page (no lock record,
--                       no second page written).
--   task_executions      written once per attempt, never updated; each index is one more
--                       write per attempt. Kept: the primary key; (task_id, attempt), the
--                       history of a task; (organization_id, created_at), analytics and the
--                       row-level security filter; (workflow_execution_id, status), the
--                       cascade from a run, now only for attempts that belong to a run.
--                       Gone: (worker, status), which no statement reads. (status,
--                       created_at) becomes (created_at): retention deletes by age, status
--                       NOT IN (...), which a status-first index does not serve.
--   idx_pg_task_executions_search  only attempts with an error or output: most attempts have
--                       neither, and an empty tsvector was still a GIN insert each.
--                       PostgresSearch adds the same predicate (which changes no answer).
-- U6__lean_queue_writes.sql undoes this file.
-- =====================================================================================

ALTER TABLE tasks SET (fillfactor = 30);
ALTER TABLE task_queue SET (fillfactor = 50);
DROP TRIGGER trg_tasks_updated_at ON tasks;

DROP INDEX idx_task_executions_worker_status;
DROP INDEX idx_task_executions_status_created_at;
CREATE INDEX idx_task_executions_created_at ON task_executions (created_at);
DROP INDEX idx_task_executions_workflow_execution_status;
CREATE INDEX idx_task_executions_workflow_execution_status ON task_executions (workflow_execution_id, status)
    WHERE workflow_execution_id IS NOT NULL;

DROP INDEX idx_pg_task_executions_search;
CREATE INDEX idx_pg_task_executions_search ON task_executions USING gin (
    to_tsvector('simple'::regconfig, translate(coalesce(error_message, '') || ' ' || coalesce(output, ''), '/._-@:', '      ')))
    WHERE error_message IS NOT NULL OR output IS NOT NULL;
