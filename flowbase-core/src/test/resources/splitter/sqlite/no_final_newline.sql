CREATE TABLE no_newline (id INTEGER);
INSERT INTO no_newline VALUES (1);
SELECT id
  FROM no_newline