-- What Flowbase sends for a batch of 100 on PostgreSQL (PostgresQueue, Attempts, Dag), without Java:
-- claim (lease the task_queue rows, move the tasks to running); then complete (delete the rows
-- fenced by attempt, move the tasks to succeeded, write one task_executions row each, look up
-- children to release). The history is written with INSERT .. unnest here, COPY in Flowbase.
BEGIN;
WITH picked AS (SELECT task_id FROM task_queue WHERE queue_name = 'bench' AND lease_owner IS NULL
      AND run_at <= now() ORDER BY priority DESC, run_at LIMIT 100 FOR UPDATE SKIP LOCKED),
  leased AS (UPDATE task_queue q SET lease_owner = 'w', lease_expires_at = now() + interval '5 minutes',
      claimed_at = now(), attempt = q.attempt + 1 WHERE q.task_id = ANY(ARRAY(SELECT task_id FROM picked))
      RETURNING q.task_id, q.attempt),
  t AS (UPDATE tasks t SET status = 'running', attempt = leased.attempt, lease_owner = 'w',
      lease_expires_at = now() + interval '5 minutes', heartbeat_at = now(),
      started_at = COALESCE(t.started_at, now()), updated_at = now()
      FROM leased WHERE t.id = leased.task_id AND t.id = ANY(ARRAY(SELECT task_id FROM leased)) RETURNING t.*)
SELECT array_agg(id) AS ids, array_agg(attempt) AS atts FROM t
\gset
COMMIT;
BEGIN;
WITH ended AS (DELETE FROM task_queue q WHERE q.task_id = ANY(CAST(:ids AS uuid[]))
      AND q.lease_expires_at IS NOT NULL
      AND q.attempt = (CAST(:atts AS integer[]))[array_position(CAST(:ids AS uuid[]), q.task_id)]
      RETURNING q.task_id, q.attempt),
  done AS (UPDATE tasks t SET status = 'succeeded', completed_at = now(), error_message = NULL,
      lease_owner = NULL, lease_expires_at = NULL, lock_version = t.lock_version + 1, updated_at = now()
      WHERE t.id = ANY(ARRAY(SELECT task_id FROM ended)))
SELECT count(*) FROM ended;
INSERT INTO task_executions (id, organization_id, task_id, attempt, status, worker, started_at,
    completed_at, duration_ms, created_at, updated_at)
  SELECT gen_random_uuid(), '00000000-0000-0000-0000-000000000001', e.id, e.a, 'succeeded', 'w',
    now(), now(), 0, now(), now()
  FROM unnest(CAST(:ids AS uuid[]), CAST(:atts AS integer[])) AS e(id, a);
SELECT task_id, COUNT(*) FROM task_dependencies WHERE depends_on_task_id = ANY(CAST(:ids AS uuid[]))
  GROUP BY task_id;
COMMIT;
