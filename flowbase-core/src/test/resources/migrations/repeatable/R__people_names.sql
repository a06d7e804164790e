DROP VIEW IF EXISTS people_names;
CREATE VIEW people_names AS SELECT name FROM people;
