CREATE TABLE score (id INTEGER PRIMARY KEY, points INTEGER, grade TEXT);

-- Each CASE closes its own END; only the last END closes the trigger.
CREATE TEMP TRIGGER score_grade AFTER INSERT ON score
WHEN CASE WHEN NEW.points IS NULL THEN 0 ELSE 1 END = 1
BEGIN
    UPDATE score
    SET grade = CASE
        WHEN NEW.points >= 90 THEN 'A'
        WHEN NEW.points >= 50 THEN CASE WHEN NEW.points >= 75 THEN 'B' ELSE 'C' END
        ELSE 'F; failed'
    END
    WHERE id = NEW.id;
    SELECT CASE NEW.points WHEN 0 THEN RAISE(IGNORE) END;
END;
CREATE TEMPORARY TRIGGER score_cleanup AFTER DELETE ON score BEGIN DELETE FROM score WHERE points IS NULL; END;
INSERT INTO score (points) VALUES (80);
SELECT grade FROM score;
