/**
 * Splits a migration file into the statements it holds, one splitter per engine
 * ({@link dev.flowbase.migrate.sql.SqlSplitter#forEngine}).
 *
 * <p>JDBC runs one statement at a time, so a script must be cut at its semicolons, but only at the
 * ones that end a statement: not inside strings, quoted identifiers, comments, PostgreSQL dollar
 * quotes, or the bodies of procedures and triggers. The splitter reads just enough of each engine's
 * lexical rules to tell them apart and never changes the text it returns.
 */
package dev.flowbase.migrate.sql;
