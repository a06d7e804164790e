CREATE TABLE tx_test (id INT);
BEGIN;
INSERT INTO tx_test VALUES (1);
COMMIT;
BEGIN WORK;
INSERT INTO tx_test VALUES (2);
ROLLBACK;
START TRANSACTION;
COMMIT;

-- Compound statements run on their own, outside any stored program.
BEGIN NOT ATOMIC
    DECLARE n INT DEFAULT 3;
    WHILE n > 0 DO
        INSERT INTO tx_test VALUES (n);
        SET n = n - 1;
    END WHILE;
END;
IF (SELECT COUNT(*) FROM tx_test) > 2 THEN
    INSERT INTO tx_test VALUES (100);
END IF;
BEGIN NOT ATOMIC
    inner_block: BEGIN
        INSERT INTO tx_test VALUES (200);
    END inner_block;
END;
REPEAT
    INSERT INTO tx_test VALUES (300);
UNTIL (SELECT COUNT(*) FROM tx_test) > 6 END REPEAT;
SELECT COUNT(*) FROM tx_test;
