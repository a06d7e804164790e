CREATE TABLE wallet (id INT PRIMARY KEY, balance INT NOT NULL);

DELIMITER $$
CREATE TRIGGER wallet_guard BEFORE UPDATE ON wallet
FOR EACH ROW
BEGIN
    IF NEW.balance < 0 THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'balance cannot go below zero; sorry';
    END IF;
END$$

-- Between the DELIMITER lines a ; ends nothing.
INSERT INTO wallet VALUES (1, 10), (2, 20)$$
SELECT 'a ; is just a character here' AS note; $$
DELIMITER ;

UPDATE wallet SET balance = balance - 5 WHERE id = 1;
