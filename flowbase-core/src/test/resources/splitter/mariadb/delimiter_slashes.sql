CREATE TABLE counter (id INT PRIMARY KEY, hits INT NOT NULL DEFAULT 0);

DELIMITER //
CREATE PROCEDURE bump(IN counter_id INT)
BEGIN
    UPDATE counter SET hits = hits + 1 WHERE id = counter_id;
    SELECT 'bumped; done // not the end' AS note;
END //

CREATE FUNCTION hits_of(counter_id INT) RETURNS INT
READS SQL DATA
BEGIN
    DECLARE result INT;
    SELECT hits INTO result FROM counter WHERE id = counter_id;
    RETURN result;
END//
delimiter ;

INSERT INTO counter (id) VALUES (1);
CALL bump(1);
SELECT hits_of(1);
