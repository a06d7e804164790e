CREATE TABLE ledger (id int, amount numeric);

-- SQL-standard bodies (PostgreSQL 14+) end their inner statements with semicolons.
CREATE FUNCTION sign_of(x numeric) RETURNS text
LANGUAGE SQL
IMMUTABLE
BEGIN ATOMIC
    SELECT CASE WHEN x > 0 THEN 'positive; sure' WHEN x < 0 THEN 'negative' ELSE 'zero' END;
END;

CREATE OR REPLACE PROCEDURE record_amount(a numeric)
LANGUAGE SQL
BEGIN ATOMIC
    INSERT INTO ledger VALUES (1, a);
    INSERT INTO ledger VALUES (2, CASE WHEN a > 100 THEN a / 2 ELSE a END);
END;

CALL record_amount(250);
SELECT sign_of(amount) FROM ledger;
CREATE FUNCTION double_of(x int) RETURNS int LANGUAGE SQL RETURN CASE WHEN x IS NULL THEN 0 ELSE x * 2 END;
SELECT double_of(21);
