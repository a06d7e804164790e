-- A header; with a ' quote
/* SQLite block comments do not nest: /* this closes it */
CREATE TABLE c (id INTEGER /* inline; */, name TEXT -- a trailing; comment
);
INSERT INTO c VALUES (1, 'x'); /* after; */ INSERT INTO c VALUES (2, 'y');
;;
/* a statement of nothing but a comment */;
SELECT * FROM c
-- A comment after the last statement, which has no semicolon; nor does this line end it.
