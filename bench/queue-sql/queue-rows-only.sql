-- Only the task_queue rows: lease them, then delete them fenced by attempt. No task status,
-- no history: the raw-SQL queue's work on Flowbase's claim table.
BEGIN;
WITH picked AS (SELECT task_id FROM task_queue WHERE queue_name = 'bench' AND lease_owner IS NULL
      AND run_at <= now() ORDER BY priority DESC, run_at LIMIT 100 FOR UPDATE SKIP LOCKED),
  leased AS (UPDATE task_queue q SET lease_owner = 'w', lease_expires_at = now() + interval '5 minutes',
      claimed_at = now(), attempt = q.attempt + 1 WHERE q.task_id = ANY(ARRAY(SELECT task_id FROM picked))
      RETURNING q.task_id, q.attempt)
SELECT array_agg(l.task_id) AS ids, array_agg(l.attempt) AS atts FROM leased l JOIN tasks t ON t.id = l.task_id
\gset
COMMIT;
BEGIN;
WITH ended AS (DELETE FROM task_queue q WHERE q.task_id = ANY(CAST(:ids AS uuid[]))
      AND q.lease_expires_at IS NOT NULL
      AND q.attempt = (CAST(:atts AS integer[]))[array_position(CAST(:ids AS uuid[]), q.task_id)]
      RETURNING q.task_id, q.attempt)
SELECT count(*) FROM ended;
COMMIT;
