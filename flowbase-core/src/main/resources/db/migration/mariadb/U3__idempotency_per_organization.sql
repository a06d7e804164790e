-- =====================================================================================
-- Flowbase core schema, undo of version 3 -- MariaDB 10.6+
-- =====================================================================================
-- As postgresql/U3__idempotency_per_organization.sql, in one ALTER TABLE: a key used by two
-- organizations in one queue stops the undo before anything changed.
-- =====================================================================================

ALTER TABLE tasks
    ADD UNIQUE KEY uq_tasks_queue_idempotency_key (queue_name, idempotency_key),
    DROP INDEX uq_tasks_organization_queue_idempotency_key;
