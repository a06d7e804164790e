-- Fills a migrated Flowbase database with :rows tasks, one execution and one log line each
-- (psql -v rows=N). Plain INSERT … SELECT so that making the data costs seconds, not the benchmark.
INSERT INTO organizations (id, name, slug) VALUES ('00000000-0000-4000-8000-000000000001', 'Bench', 'bench');
INSERT INTO tasks (id, organization_id, name, status, parameters, queue_name, completed_at, result, output)
SELECT gen_random_uuid(), '00000000-0000-4000-8000-000000000001', 'task ' || i, 'succeeded',
       jsonb_build_object('n', i, 'prompt', 'summarise document ' || i, 'tags', jsonb_build_array('a', 'b')),
       'bench', now() - (i || ' seconds')::interval, jsonb_build_object('ok', true, 'tokens', i % 977),
       'output line for task ' || i
FROM generate_series(1, :rows) AS i;
INSERT INTO task_executions (organization_id, task_id, attempt, status, worker, started_at, completed_at, duration_ms)
SELECT organization_id, id, 1, 'succeeded', 'worker-1', completed_at - interval '2 seconds', completed_at, 2000
FROM tasks;
INSERT INTO logs (organization_id, level, component, message, context, task_id, created_at)
SELECT organization_id, 'info', 'worker', 'finished ' || name, jsonb_build_object('attempt', 1), id, completed_at
FROM tasks;
ANALYZE;
