# CRLF line ends and a byte order mark, as editors on Windows save them.
CREATE TABLE crlf (id INT,
    body TEXT);
DELIMITER //
CREATE PROCEDURE crlf_proc()
BEGIN
    SELECT 'a;
b';
END //
DELIMITER ;
CALL crlf_proc(); SELECT 2;
