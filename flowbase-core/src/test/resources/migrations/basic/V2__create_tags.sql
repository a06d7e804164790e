CREATE TABLE tags (id INTEGER PRIMARY KEY, label VARCHAR(50));
CREATE INDEX idx_tags_label ON tags (label);
