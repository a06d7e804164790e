CREATE TABLE person (id INT PRIMARY KEY, name VARCHAR(50), name_upper VARCHAR(50), age INT);

CREATE TRIGGER person_before_insert BEFORE INSERT ON person
FOR EACH ROW
BEGIN
    SET NEW.name_upper = UPPER(NEW.name);
    IF NEW.age IS NULL THEN
        SET NEW.age = 0;
    END IF;
END;

CREATE DEFINER = CURRENT_USER TRIGGER person_before_update BEFORE UPDATE ON person
FOR EACH ROW
IF NEW.age < 0 THEN
    SET NEW.age = 0;
END IF;

CREATE OR REPLACE DEFINER=`root`@`localhost` TRIGGER person_after_delete AFTER DELETE ON person
FOR EACH ROW SET @last_deleted = IF(OLD.name IS NULL, '?', OLD.name);

INSERT INTO person (id, name) VALUES (1, 'ann; o''hara');
UPDATE person SET age = -5 WHERE id = 1;
DELETE FROM person WHERE id = 1;
SELECT @last_deleted;
