CREATE TABLE quote_test (id int, t text);
INSERT INTO quote_test VALUES (1, E'it\'s; escaped');
INSERT INTO quote_test VALUES (2, 'it''s; doubled');
INSERT INTO quote_test VALUES (3, E'\\'); -- a lone escaped backslash
INSERT INTO quote_test VALUES (4, 'C:\temp\'); -- outside E'' a backslash escapes nothing
INSERT INTO quote_test VALUES (5, e'lower-case e; \' still escapes');
INSERT INTO quote_test VALUES (6, U&'\0041; unicode');
INSERT INTO quote_test VALUES (7, E'\'');
SELECT t FROM quote_test WHERE t LIKE E'%\'%';
-- A table named e is no escape string prefix.
CREATE TABLE e (e text);
INSERT INTO e (e) VALUES ('x\'); SELECT e FROM e WHERE e = 'x\';
