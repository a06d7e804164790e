/* A header comment; it mentions 'quotes' and "identifiers".
   /* PostgreSQL nests block comments; this inner one closes here: */
   so this line is still inside the outer comment; as is this ?
*/
CREATE TABLE note (id int /* inline /* nested */ comment; */, body text);

-- A line comment with a semicolon; and an unmatched quote '
INSERT INTO note VALUES (1, 'a /* not a comment */ b'); /* trailing; comment */

SELECT id, -- a comment in the middle; of a statement
       body
FROM note /* another ; */ WHERE id = 1;
/**/ SELECT 1 /*/ still a comment ; */;
-- The file ends with comments; no statement follows.
/* and a block one; */
