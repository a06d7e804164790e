-- =====================================================================================
-- Flowbase core schema, undo of version 3 -- PostgreSQL 14+
-- =====================================================================================
-- Makes idempotency keys unique per queue across the installation again. The old index is
-- built first: while two organizations use the same key in one queue it cannot be, and
-- the undo stops there with nothing changed (change one of the keys, then undo again).
-- =====================================================================================

CREATE UNIQUE INDEX uq_tasks_queue_idempotency_key ON tasks (queue_name, idempotency_key);
DROP INDEX uq_tasks_organization_queue_idempotency_key;
