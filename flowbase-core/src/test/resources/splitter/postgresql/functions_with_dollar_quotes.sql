-- Function bodies in dollar quotes hold semicolons, quotes and other dollar quotes.
CREATE TABLE account (
    id bigint PRIMARY KEY,
    name text NOT NULL,
    updated_at timestamptz
);

CREATE FUNCTION touch_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now(); -- a comment; with a semicolon
    RETURN NEW;
END;
$$;

CREATE OR REPLACE FUNCTION greet(who text) RETURNS text
LANGUAGE plpgsql AS $body$
DECLARE
    greeting text := 'it''s $$ not the end; really';
BEGIN
    EXECUTE $q$SELECT 'nested; quote'$q$;
    RETURN greeting || ', ' || who || '?';
END;
$body$;

-- Tags are case-sensitive: $fn$ does not close $Fn$.
CREATE FUNCTION tag_case() RETURNS text LANGUAGE sql AS $Fn$ SELECT 'a$fn$b; c' $Fn$;

CREATE TRIGGER account_touch BEFORE UPDATE ON account
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

SELECT greet($$O'Brien; "the" ?$$), tag_case();
