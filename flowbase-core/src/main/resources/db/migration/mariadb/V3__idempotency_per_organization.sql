-- =====================================================================================
-- Flowbase core schema, version 3 -- MariaDB 10.6+: idempotency keys per organization
-- =====================================================================================
-- The same change as postgresql/V3__idempotency_per_organization.sql, which explains it,
-- in one ALTER TABLE: MariaDB has no transactional DDL, and one statement is all or nothing.
-- U3__idempotency_per_organization.sql undoes this file.
-- =====================================================================================

ALTER TABLE tasks
    ADD UNIQUE KEY uq_tasks_organization_queue_idempotency_key (organization_id, queue_name, idempotency_key),
    DROP INDEX uq_tasks_queue_idempotency_key;
