CREATE TABLE step_log (n INT, note VARCHAR(100));

-- No DELIMITER: the compound statements in the body keep it one statement.
CREATE PROCEDURE count_to(IN target INT)
MODIFIES SQL DATA
BEGIN
    DECLARE i INT DEFAULT 0;
    counting: LOOP
        SET i = i + 1;
        IF i > target THEN
            LEAVE counting;
        ELSEIF i = 2 THEN
            INSERT INTO step_log VALUES (i, 'two; as words');
        ELSE
            INSERT INTO step_log VALUES (i, CASE WHEN i % 2 = 0 THEN 'even' ELSE 'odd' END);
        END IF;
    END LOOP counting;
    WHILE i > 0 DO
        SET i = i - 1;
    END WHILE;
    REPEAT
        SET i = i + 1;
    UNTIL i >= 3 END REPEAT;
    CASE i
        WHEN 3 THEN INSERT INTO step_log VALUES (i, 'three');
        ELSE BEGIN
            INSERT INTO step_log VALUES (i, 'other');
        END;
    END CASE;
END;

CALL count_to(4);

CREATE PROCEDURE IF NOT EXISTS safe_insert(IN n INT)
BEGIN
    DECLARE EXIT HANDLER FOR SQLEXCEPTION
    BEGIN
        ROLLBACK;
        RESIGNAL;
    END;
    START TRANSACTION;
    INSERT INTO step_log VALUES (n, REPEAT('x', 3));
    COMMIT;
END;

CALL safe_insert(9);

CREATE PROCEDURE single_if(IN n INT)
IF n > 0 THEN
    INSERT INTO step_log VALUES (n, 'positive');
ELSE
    INSERT INTO step_log VALUES (n, 'not positive');
END IF;

CALL single_if(-1);
