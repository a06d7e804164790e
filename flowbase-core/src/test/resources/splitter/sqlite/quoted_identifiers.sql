CREATE TABLE "odd;table" ("col?" TEXT, [bracket;col] TEXT, `back;tick` TEXT, "say ""hi""" TEXT);
INSERT INTO "odd;table" VALUES ('it''s; fine', '-- no comment', '/* no comment */', '?');
SELECT [bracket;col], `back;tick`, "say ""hi""" FROM "odd;table";
SELECT 'a\'; -- SQLite has no backslash escapes: the string ends after the backslash
SELECT "col?" FROM "odd;table" WHERE "col?" = 'it''s; fine';
