-- N ready no-op tasks in queue 'bench', as Queue.enqueueAll leaves them (a tasks row and a task_queue row each).
INSERT INTO organizations (id, name, slug) VALUES ('00000000-0000-0000-0000-000000000001', 'Bench', 'bench');
INSERT INTO tasks (id, organization_id, name, status, queue_name)
  SELECT gen_random_uuid(), '00000000-0000-0000-0000-000000000001', 'noop', 'ready', 'bench'
  FROM generate_series(1, :n);
INSERT INTO task_queue (task_id, queue_name, priority, run_at, attempt)
  SELECT id, queue_name, priority, run_at, attempt FROM tasks;
ANALYZE;
