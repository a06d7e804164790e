-- =====================================================================================
-- Flowbase core schema, version 6 -- SQLite 3.40+: what a claim and a completion write
-- =====================================================================================
-- The same as postgresql/V6 where SQLite has the structure (the why is there):
--   trg_tasks_updated_at  dropped: the queue, the only writer of tasks, sets updated_at in
--                       every statement (the trigger was a second UPDATE of the row).
--   task_executions      (worker, status) gone, no statement reads it; (status, created_at)
--                       becomes (created_at), which retention's delete by age can use.
--   fts_task_executions  holds only attempts with an error or output, as PostgreSQL's partial
--                       GIN index: most attempts have neither, and each was an FTS5 insert.
--                       Its triggers skip the rows without text on both sides, and the
--                       entries such rows had are deleted here.
-- U6__lean_queue_writes.sql undoes this file.
-- =====================================================================================

DROP TRIGGER trg_tasks_updated_at;
DROP INDEX idx_task_executions_worker_status;
DROP INDEX idx_task_executions_status_created_at;
CREATE INDEX idx_task_executions_created_at ON task_executions (created_at);

DROP TRIGGER trg_task_executions_search_insert;
DROP TRIGGER trg_task_executions_search_delete;
DROP TRIGGER trg_task_executions_search_update;
INSERT INTO fts_task_executions (fts_task_executions, rowid, error_message, output)
    SELECT 'delete', rowid, error_message, output FROM task_executions WHERE error_message IS NULL AND output IS NULL;
CREATE TRIGGER trg_task_executions_search_insert AFTER INSERT ON task_executions
    WHEN new.error_message IS NOT NULL OR new.output IS NOT NULL BEGIN
    INSERT INTO fts_task_executions (rowid, error_message, output) VALUES (new.rowid, new.error_message, new.output);
END;
CREATE TRIGGER trg_task_executions_search_delete AFTER DELETE ON task_executions
    WHEN old.error_message IS NOT NULL OR old.output IS NOT NULL BEGIN
    INSERT INTO fts_task_executions (fts_task_executions, rowid, error_message, output) VALUES ('delete', old.rowid, old.error_message, old.output);
END;
CREATE TRIGGER trg_task_executions_search_update AFTER UPDATE OF error_message, output ON task_executions
    WHEN old.error_message IS NOT new.error_message OR old.output IS NOT new.output BEGIN
    INSERT INTO fts_task_executions (fts_task_executions, rowid, error_message, output)
        SELECT 'delete', old.rowid, old.error_message, old.output WHERE old.error_message IS NOT NULL OR old.output IS NOT NULL;
    INSERT INTO fts_task_executions (rowid, error_message, output)
        SELECT new.rowid, new.error_message, new.output WHERE new.error_message IS NOT NULL OR new.output IS NOT NULL;
END;
