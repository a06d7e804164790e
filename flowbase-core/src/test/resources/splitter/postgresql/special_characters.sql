CREATE TABLE "odd;table" ("col?" text, "say ""hi""; twice" text, payload jsonb);
INSERT INTO "odd;table" VALUES ('a;b', '-- not a comment', '{"k": "v; ?"}');
INSERT INTO "odd;table" VALUES ('/* not a comment */', 'what? why?', '{"q": 1}');
SELECT "col?" FROM "odd;table" WHERE payload ? 'k';
SELECT payload ?| array['k', 'q'] FROM "odd;table";
SELECT 'line one;
line two; with a ? and -- dashes' AS multi_line;
