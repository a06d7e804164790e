CREATE TABLE IF NOT EXISTS grade (score INT);
DROP TABLE IF EXISTS old_grade;

-- IF() and REPEAT() are functions here, not the compound IF and REPEAT.
CREATE FUNCTION letter(score INT) RETURNS CHAR(1) DETERMINISTIC
RETURN CASE WHEN score >= 90 THEN 'A' WHEN score >= 80 THEN IF(score >= 85, 'B', 'C') ELSE REPEAT('F', 1) END;

CREATE AGGREGATE FUNCTION agg_sum(x INT) RETURNS INT
BEGIN
    DECLARE total INT DEFAULT 0;
    DECLARE CONTINUE HANDLER FOR NOT FOUND RETURN total;
    LOOP
        FETCH GROUP NEXT ROW;
        SET total = total + x;
    END LOOP;
END;

INSERT INTO grade VALUES (95), (87), (10);
SELECT letter(score), IF(score > 50, 'pass; ok', 'fail') FROM grade;
SELECT agg_sum(score) FROM grade;
