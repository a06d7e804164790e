-- =====================================================================================
-- Flowbase core schema, version 4 -- MariaDB 10.6+: full-text search (issue 31)
-- =====================================================================================
-- InnoDB FULLTEXT follows the column's collation, and every Flowbase table is utf8mb4_bin
-- (V1): hello would not find Hello. So each searched table gets one STORED generated copy of
-- its text, search_text, in utf8mb4_unicode_ci, INVISIBLE (SELECT * does not return it,
-- as with configurations.global_key), with a FULLTEXT index ftx_<table>_search on it.
-- Stop words are turned off for the indexes built here (the session setting is read when
-- an index is created), so that "about" or "will" are found as on the other engines.
-- Words shorter than innodb_ft_min_token_size (3 by default) are still not indexed: a
-- server setting, docs/search.md says what it changes.
--
--   logs             component, message, context (its JSON as text: keys and values)
--   tasks            name, description, error_message
--   task_executions  error_message, output
--   workflows        name, description
--   audit_log        action, entity_type, entity_id, actor_label
--
-- Adding a stored column rebuilds each table: on large tables run it in a quiet hour.
-- U4__search.sql undoes this file.
-- =====================================================================================

SET SESSION innodb_ft_enable_stopword = OFF;

ALTER TABLE logs ADD COLUMN search_text MEDIUMTEXT COLLATE utf8mb4_unicode_ci
    AS (CONCAT_WS(' ', component, message, context)) STORED INVISIBLE;
ALTER TABLE logs ADD FULLTEXT INDEX ftx_logs_search (search_text);

ALTER TABLE tasks ADD COLUMN search_text MEDIUMTEXT COLLATE utf8mb4_unicode_ci
    AS (CONCAT_WS(' ', name, description, error_message)) STORED INVISIBLE;
ALTER TABLE tasks ADD FULLTEXT INDEX ftx_tasks_search (search_text);

ALTER TABLE task_executions ADD COLUMN search_text MEDIUMTEXT COLLATE utf8mb4_unicode_ci
    AS (CONCAT_WS(' ', error_message, output)) STORED INVISIBLE;
ALTER TABLE task_executions ADD FULLTEXT INDEX ftx_task_executions_search (search_text);

ALTER TABLE workflows ADD COLUMN search_text MEDIUMTEXT COLLATE utf8mb4_unicode_ci
    AS (CONCAT_WS(' ', name, description)) STORED INVISIBLE;
ALTER TABLE workflows ADD FULLTEXT INDEX ftx_workflows_search (search_text);

ALTER TABLE audit_log ADD COLUMN search_text MEDIUMTEXT COLLATE utf8mb4_unicode_ci
    AS (CONCAT_WS(' ', action, entity_type, entity_id, actor_label)) STORED INVISIBLE;
ALTER TABLE audit_log ADD FULLTEXT INDEX ftx_audit_log_search (search_text);
