-- =====================================================================================
-- Flowbase core schema, version 3 -- PostgreSQL 14+: idempotency keys per organization
-- =====================================================================================
-- Version 1 made an idempotency key unique per queue across the installation, so one
-- organization's key refused another's enqueue and told it that the key was in use. A key
-- is now unique per organization and queue; the index also serves the enqueue's look-up
-- (organization, queue, key). The new index is built before the old one goes, so the
-- uniqueness holds at every moment. U3__idempotency_per_organization.sql undoes this file.
-- =====================================================================================

CREATE UNIQUE INDEX uq_tasks_organization_queue_idempotency_key
    ON tasks (organization_id, queue_name, idempotency_key);
DROP INDEX uq_tasks_queue_idempotency_key;
