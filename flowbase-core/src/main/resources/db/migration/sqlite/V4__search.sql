-- =====================================================================================
-- Flowbase core schema, version 4 -- SQLite 3.40+: full-text search (issue 31)
-- =====================================================================================
-- One FTS5 external-content table fts_<table> per searched table: the index only, the text
-- stays in the table, matched by rowid. Three triggers per table keep it in step (insert;
-- delete; update of a searched column, which deletes the old entry and adds the new one).
-- Tokenizer unicode61 with diacritics folded: case-insensitive, and _ - / . separate words.
-- FTS5 also makes its own tables fts_<table>_data, _idx, _docsize and _config: they belong
-- to the index and carry no data of their own.
--
--   logs             component, message, context (its JSON as text: keys and values)
--   tasks            name, description, error_message
--   task_executions  error_message, output
--   workflows        name, description
--   audit_log        action, entity_type, entity_id, actor_label
--
-- The rowids of a table without an INTEGER PRIMARY KEY may change on VACUUM: after one,
-- rebuild each index (INSERT INTO fts_logs (fts_logs) VALUES ('rebuild'), docs/search.md).
-- U4__search.sql undoes this file.
-- =====================================================================================

CREATE VIRTUAL TABLE fts_logs USING fts5(component, message, context, content='logs', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2');
INSERT INTO fts_logs (fts_logs) VALUES ('rebuild');

CREATE TRIGGER trg_logs_search_insert AFTER INSERT ON logs BEGIN
    INSERT INTO fts_logs (rowid, component, message, context) VALUES (new.rowid, new.component, new.message, new.context);
END;
CREATE TRIGGER trg_logs_search_delete AFTER DELETE ON logs BEGIN
    INSERT INTO fts_logs (fts_logs, rowid, component, message, context) VALUES ('delete', old.rowid, old.component, old.message, old.context);
END;
CREATE TRIGGER trg_logs_search_update AFTER UPDATE OF component, message, context ON logs
    WHEN old.component IS NOT new.component OR old.message IS NOT new.message OR old.context IS NOT new.context BEGIN
    INSERT INTO fts_logs (fts_logs, rowid, component, message, context) VALUES ('delete', old.rowid, old.component, old.message, old.context);
    INSERT INTO fts_logs (rowid, component, message, context) VALUES (new.rowid, new.component, new.message, new.context);
END;

CREATE VIRTUAL TABLE fts_tasks USING fts5(name, description, error_message, content='tasks', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2');
INSERT INTO fts_tasks (fts_tasks) VALUES ('rebuild');

CREATE TRIGGER trg_tasks_search_insert AFTER INSERT ON tasks BEGIN
    INSERT INTO fts_tasks (rowid, name, description, error_message) VALUES (new.rowid, new.name, new.description, new.error_message);
END;
CREATE TRIGGER trg_tasks_search_delete AFTER DELETE ON tasks BEGIN
    INSERT INTO fts_tasks (fts_tasks, rowid, name, description, error_message) VALUES ('delete', old.rowid, old.name, old.description, old.error_message);
END;
CREATE TRIGGER trg_tasks_search_update AFTER UPDATE OF name, description, error_message ON tasks
    WHEN old.name IS NOT new.name OR old.description IS NOT new.description OR old.error_message IS NOT new.error_message BEGIN
    INSERT INTO fts_tasks (fts_tasks, rowid, name, description, error_message) VALUES ('delete', old.rowid, old.name, old.description, old.error_message);
    INSERT INTO fts_tasks (rowid, name, description, error_message) VALUES (new.rowid, new.name, new.description, new.error_message);
END;

CREATE VIRTUAL TABLE fts_task_executions USING fts5(error_message, output, content='task_executions', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2');
INSERT INTO fts_task_executions (fts_task_executions) VALUES ('rebuild');

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

CREATE VIRTUAL TABLE fts_workflows USING fts5(name, description, content='workflows', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2');
INSERT INTO fts_workflows (fts_workflows) VALUES ('rebuild');

CREATE TRIGGER trg_workflows_search_insert AFTER INSERT ON workflows BEGIN
    INSERT INTO fts_workflows (rowid, name, description) VALUES (new.rowid, new.name, new.description);
END;
CREATE TRIGGER trg_workflows_search_delete AFTER DELETE ON workflows BEGIN
    INSERT INTO fts_workflows (fts_workflows, rowid, name, description) VALUES ('delete', old.rowid, old.name, old.description);
END;
CREATE TRIGGER trg_workflows_search_update AFTER UPDATE OF name, description ON workflows
    WHEN old.name IS NOT new.name OR old.description IS NOT new.description BEGIN
    INSERT INTO fts_workflows (fts_workflows, rowid, name, description) VALUES ('delete', old.rowid, old.name, old.description);
    INSERT INTO fts_workflows (rowid, name, description) VALUES (new.rowid, new.name, new.description);
END;

CREATE VIRTUAL TABLE fts_audit_log USING fts5(action, entity_type, entity_id, actor_label, content='audit_log', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2');
INSERT INTO fts_audit_log (fts_audit_log) VALUES ('rebuild');

CREATE TRIGGER trg_audit_log_search_insert AFTER INSERT ON audit_log BEGIN
    INSERT INTO fts_audit_log (rowid, action, entity_type, entity_id, actor_label) VALUES (new.rowid, new.action, new.entity_type, new.entity_id, new.actor_label);
END;
CREATE TRIGGER trg_audit_log_search_delete AFTER DELETE ON audit_log BEGIN
    INSERT INTO fts_audit_log (fts_audit_log, rowid, action, entity_type, entity_id, actor_label) VALUES ('delete', old.rowid, old.action, old.entity_type, old.entity_id, old.actor_label);
END;
CREATE TRIGGER trg_audit_log_search_update AFTER UPDATE OF action, entity_type, entity_id, actor_label ON audit_log
    WHEN old.action IS NOT new.action OR old.entity_type IS NOT new.entity_type OR old.entity_id IS NOT new.entity_id OR old.actor_label IS NOT new.actor_label BEGIN
    INSERT INTO fts_audit_log (fts_audit_log, rowid, action, entity_type, entity_id, actor_label) VALUES ('delete', old.rowid, old.action, old.entity_type, old.entity_id, old.actor_label);
    INSERT INTO fts_audit_log (rowid, action, entity_type, entity_id, actor_label) VALUES (new.rowid, new.action, new.entity_type, new.entity_id, new.actor_label);
END;
