CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL, updated_at TEXT);
CREATE TABLE item_log (item_id INTEGER, note TEXT);

-- The statements of a trigger body end with semicolons; the trigger ends at END;
CREATE TRIGGER item_touch AFTER UPDATE OF name ON item
BEGIN
    UPDATE item SET updated_at = datetime('now') WHERE id = NEW.id;
    INSERT INTO item_log VALUES (NEW.id, 'renamed; from ' || OLD.name);
END;

CREATE TRIGGER IF NOT EXISTS item_guard BEFORE DELETE ON item
WHEN OLD.name = 'keep; me'
BEGIN
    SELECT RAISE(ABORT, 'cannot delete; it is kept');
END;

INSERT INTO item (name) VALUES ('first');
UPDATE item SET name = 'second' WHERE id = 1;
