-- CRLF line ends and a byte order mark, as editors on Windows save them.
CREATE TABLE crlf (id int,
    body text);

CREATE FUNCTION crlf_body() RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    RETURN 'a;
b';
END;
$$;
-- comment; before
SELECT crlf_body(); SELECT 2;
