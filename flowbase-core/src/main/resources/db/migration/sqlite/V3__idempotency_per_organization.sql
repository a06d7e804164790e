-- =====================================================================================
-- Flowbase core schema, version 3 -- SQLite 3.40+: idempotency keys per organization
-- =====================================================================================
-- The same change as postgresql/V3__idempotency_per_organization.sql, which explains it.
-- U3__idempotency_per_organization.sql undoes this file.
-- =====================================================================================

CREATE UNIQUE INDEX uq_tasks_organization_queue_idempotency_key
    ON tasks (organization_id, queue_name, idempotency_key);
DROP INDEX uq_tasks_queue_idempotency_key;
