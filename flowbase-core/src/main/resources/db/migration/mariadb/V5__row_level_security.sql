-- =====================================================================================
-- Flowbase core schema, version 6 -- MariaDB 10.6+: row-level security per organization
-- =====================================================================================
-- PostgreSQL puts a row-level security policy on each table whose rows belong to one
-- organization. MariaDB has no row-level security: the stores' single organization
-- filter (Tenancy) is the guard, and the contract tests are the same on all three engines.
-- The version exists here so that every engine's history has the same versions.
-- =====================================================================================

SELECT 1;
