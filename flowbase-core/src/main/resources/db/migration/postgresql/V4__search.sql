-- =====================================================================================
-- Flowbase core schema, version 4 -- PostgreSQL 14+: full-text search (issue 31)
-- =====================================================================================
-- One GIN index per searched table on the tsvector of its text, with the 'simple'
-- configuration: no stemming and no stop words, so that a word finds what it finds on
-- MariaDB and SQLite too (docs/search.md says so). Expression indexes rather than stored
-- columns: no new column, SELECT * unchanged, and the same columns on every engine. The
-- search statements in dev.flowbase.engines.postgresql.PostgresSearch repeat each
-- expression exactly; an index is only used for the expression it was built on.
-- translate() turns / . _ - @ : into spaces first: PostgreSQL's parser would keep paths, file
-- and host names (workflow.archive, drm/bridge) as one token, where SQLite's tokenizer splits
-- them; split the same way, a word finds the same rows on both.
--
--   logs             component, message, context (its JSON as text: keys and values)
--   tasks            name, description, error_message
--   task_executions  error_message, output
--   workflows        name, description
--   audit_log        action, entity_type, entity_id, actor_label
--
-- The names start with idx_pg_ (engine-only structures, see V1). U4__search.sql undoes this.
-- =====================================================================================

CREATE INDEX idx_pg_logs_search ON logs USING gin (
    to_tsvector('simple'::regconfig, translate(coalesce(component, '') || ' ' || coalesce(message, '') || ' '
        || coalesce(context::text, ''), '/._-@:', '      ')));

CREATE INDEX idx_pg_tasks_search ON tasks USING gin (
    to_tsvector('simple'::regconfig, translate(coalesce(name, '') || ' ' || coalesce(description, '') || ' '
        || coalesce(error_message, ''), '/._-@:', '      ')));

CREATE INDEX idx_pg_task_executions_search ON task_executions USING gin (
    to_tsvector('simple'::regconfig, translate(coalesce(error_message, '') || ' ' || coalesce(output, ''), '/._-@:', '      ')));

CREATE INDEX idx_pg_workflows_search ON workflows USING gin (
    to_tsvector('simple'::regconfig, translate(coalesce(name, '') || ' ' || coalesce(description, ''), '/._-@:', '      ')));

CREATE INDEX idx_pg_audit_log_search ON audit_log USING gin (
    to_tsvector('simple'::regconfig, translate(coalesce(action, '') || ' ' || coalesce(entity_type, '') || ' '
        || coalesce(entity_id, '') || ' ' || coalesce(actor_label, ''), '/._-@:', '      ')));
