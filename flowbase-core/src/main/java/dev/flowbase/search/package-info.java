/**
 * Full-text search over logs, tasks, task executions and workflows with each engine's own index
 * (migration V4), the query language users type ({@link QueryParser}), analytics computed in SQL,
 * and retention of old rows. What differs per engine (how a parsed query becomes a match against
 * the index, how time is bucketed) is the {@link dev.flowbase.search.SearchSql} part of each
 * engine's kit; docs/search.md is the user's side of it.
 */
package dev.flowbase.search;
