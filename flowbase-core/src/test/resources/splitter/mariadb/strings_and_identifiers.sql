CREATE TABLE `odd;name` (`col?` VARCHAR(50), `back``tick` VARCHAR(50));
INSERT INTO `odd;name` VALUES ('it\'s; escaped', 'it''s; doubled');
INSERT INTO `odd;name` VALUES ("double \" quoted; string", 'backslash at the end \\');
INSERT INTO `odd;name` VALUES ('-- not a comment', '/* nor this */ # nor this');
INSERT INTO `odd;name` VALUES ('what?', '?');
SELECT `col?`, `back``tick` FROM `odd;name` WHERE `col?` LIKE '%\_%';
