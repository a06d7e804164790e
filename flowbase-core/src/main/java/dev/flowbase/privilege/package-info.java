/**
 * Least-privilege database users: the owner that migrates, the application role that only reads
 * and writes rows, and a read-only role ({@code flowbase db create-users}), and the check that
 * warns when Flowbase serves as more than the application role. Each engine implements
 * {@link dev.flowbase.privilege.DatabaseUsers} in its own folder; SQLite has no users.
 */
package dev.flowbase.privilege;
