-- =====================================================================================
-- Flowbase core schema, undo of version 6 -- SQLite 3.40+
-- =====================================================================================
DROP TRIGGER trg_task_executions_search_insert;
DROP TRIGGER trg_task_executions_search_delete;
DROP TRIGGER trg_task_executions_search_update;
INSERT INTO fts_task_executions (rowid, error_message, output)
    SELECT rowid, error_message, output FROM task_executions WHERE error_message IS NULL AND output IS NULL;
CREATE TRIGGER trg_task_executions_search_insert AFTER INSERT ON task_executions BEGIN
    INSERT INTO fts_task_executions (rowid, error_message, output) VALUES (new.rowid, new.error_message, new.output);
END;
CREATE TRIGGER trg_task_executions_search_delete AFTER DELETE ON task_executions BEGIN
    INSERT INTO fts_task_executions (fts_task_executions, rowid, error_message, output) VALUES ('delete', old.rowid, old.error_message, old.output);
END;
CREATE TRIGGER trg_task_executions_search_update AFTER UPDATE OF error_message, output ON task_executions
    WHEN old.error_message IS NOT new.error_message OR old.output IS NOT new.output BEGIN
    INSERT INTO fts_task_executions (fts_task_executions, rowid, error_message, output) VALUES ('delete', old.rowid, old.error_message, old.output);
    INSERT INTO fts_task_executions (rowid, error_message, output) VALUES (new.rowid, new.error_message, new.output);
END;

DROP INDEX idx_task_executions_created_at;
CREATE INDEX idx_task_executions_status_created_at ON task_executions (status, created_at);
CREATE INDEX idx_task_executions_worker_status ON task_executions (worker, status);
CREATE TRIGGER trg_tasks_updated_at AFTER UPDATE ON tasks FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE tasks SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
