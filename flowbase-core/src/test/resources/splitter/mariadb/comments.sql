# A hash comment; with an unmatched ' quote
-- A dash comment; with a " quote
CREATE TABLE arithmetic (n INT); # a trailing hash comment; here
INSERT INTO arithmetic VALUES (1--1); -- without a space after it, -- is not a comment
SELECT n FROM arithmetic /* a block; comment */ WHERE n = 2;
SELECT 1 /*!50000 + 1 */ AS two;
/* MariaDB block comments do not nest: /* this closes it */
SELECT 'after the comment';
--
# The file ends with a comment; no statement follows.
