-- Items: the first table.
CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);
INSERT INTO items (id, name) VALUES (1, 'a;b -- not a comment ?');
