/**
 * The health of everything on one page: the database, its migrations, the pool, the queues and the
 * disk, each with its own verdict, and one overall verdict for scripts ({@code flowbase status}).
 */
package dev.flowbase.status;
