-- =====================================================================================
-- Flowbase core schema, undo of version 3 -- SQLite 3.40+
-- =====================================================================================
-- As postgresql/U3__idempotency_per_organization.sql: the old index first, so a key used by
-- two organizations in one queue stops the undo before anything changed.
-- =====================================================================================

CREATE UNIQUE INDEX uq_tasks_queue_idempotency_key ON tasks (queue_name, idempotency_key);
DROP INDEX uq_tasks_organization_queue_idempotency_key;
