CREATE TABLE no_newline (id INT);
INSERT INTO no_newline VALUES (1);
SELECT id
  FROM no_newline # a comment, and no newline