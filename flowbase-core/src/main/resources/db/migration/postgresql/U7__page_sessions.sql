-- =====================================================================================
-- Flowbase core schema, undo of version 7 -- PostgreSQL 14+: drops the page's sessions
-- =====================================================================================
DROP TABLE page_sessions;
