DO $$
BEGIN
    RAISE NOTICE 'semicolon; inside a DO block';
END
$$;

DO LANGUAGE plpgsql $do$
DECLARE
    n integer;
BEGIN
    SELECT count(*) INTO n FROM pg_class WHERE relname LIKE 'pg\_%';
    IF n > 0 THEN
        RAISE NOTICE 'found % relations; $$ is fine here', n;
    END IF;
END
$do$;

DO $outer$
BEGIN
    EXECUTE $inner$CREATE TABLE IF NOT EXISTS do_made (id int)$inner$;
END
$outer$;

-- $1 is a parameter, not a dollar quote.
PREPARE find_made(int) AS SELECT id FROM do_made WHERE id = $1;
EXECUTE find_made(1);
DEALLOCATE find_made;
