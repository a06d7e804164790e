CREATE TABLE p (a TEXT, b TEXT);
-- Parameter markers, and question marks inside strings and comments, are left as they are.
SELECT * FROM p WHERE a = ? AND b = ?1; -- a comment with a ? too
SELECT * FROM p WHERE a = :name AND b = @other OR a = $dollar;
INSERT INTO p VALUES ('?', '??; ?') /* ? */;
