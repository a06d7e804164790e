-- CRLF line ends and a byte order mark, as editors on Windows save them.
CREATE TABLE crlf (id INTEGER,
    body TEXT);
CREATE TRIGGER crlf_trigger AFTER INSERT ON crlf
BEGIN
    UPDATE crlf SET body = 'a;
b' WHERE id = NEW.id;
END;

INSERT INTO crlf (id) VALUES (1); SELECT body FROM crlf;
