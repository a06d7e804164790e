package dev.flowbase.engines.mariadb;

import dev.flowbase.privilege.DatabaseUsers;
import dev.flowbase.privilege.Purpose;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * MariaDB's users, at host {@code %}. CREATE USER and GRANT take no bound values, so each is built
 * by the server from bound ones ({@code QUOTE(?)}) and run as a prepared statement: no statement's
 * text as sent holds a password. Flowbase's tables are those of the connection's database
 * ({@code db.*}), which covers the tables later migrations make.
 */
final class MariaDbUsers implements DatabaseUsers {
    @Override
    public boolean exists(Handle h, String name) {
        return h.createQuery("SELECT COUNT(*) FROM mysql.user WHERE User = :name AND Host = '%'")
                        .bind("name", name)
                        .mapTo(Integer.class)
                        .one()
                > 0;
    }

    @Override
    public void create(Handle h, String name, String password) {
        h.createUpdate(
                        "SET @flowbase_sql = CONCAT('CREATE USER ', QUOTE(:name), '@''%'' IDENTIFIED BY ', QUOTE(:password))")
                .bind("name", name)
                .bind("password", password)
                .execute();
        runPrepared(h);
    }

    @Override
    public void grant(Handle h, Purpose purpose, String name, String ownerName) {
        String privileges = switch (purpose) {
            case OWNER -> "ALL PRIVILEGES";
            case APP -> "SELECT, INSERT, UPDATE, DELETE";
            case READ_ONLY -> "SELECT";
        };
        String database = h.createQuery("SELECT DATABASE()").mapTo(String.class).one();
        h.createUpdate("SET @flowbase_sql = CONCAT('GRANT " + privileges
                        + " ON ', :database, '.* TO ', QUOTE(:name), '@''%''')")
                .bind("database", "`" + database.replace("`", "``") + "`")
                .bind("name", name)
                .execute();
        runPrepared(h);
    }

    private static void runPrepared(Handle h) {
        try {
            h.execute("PREPARE flowbase_stmt FROM @flowbase_sql");
            h.execute("EXECUTE flowbase_stmt");
            h.execute("DEALLOCATE PREPARE flowbase_stmt");
        } finally {
            h.execute("SET @flowbase_sql = NULL");
        }
    }

    @Override
    public Optional<String> excessPrivilege(Handle h) {
        // The grants of the connected user as the server matched it: 'user'@'host'.
        String grantee = h.createQuery("SELECT CONCAT('''', SUBSTRING_INDEX(CURRENT_USER(), '@', 1), '''@''',"
                        + " SUBSTRING_INDEX(CURRENT_USER(), '@', -1), '''')")
                .mapTo(String.class)
                .one();
        int global = h.createQuery("SELECT COUNT(*) FROM information_schema.USER_PRIVILEGES"
                        + " WHERE GRANTEE = :grantee AND PRIVILEGE_TYPE IN ('SUPER', 'CREATE USER', 'DROP')")
                .bind("grantee", grantee)
                .mapTo(Integer.class)
                .one();
        if (global > 0) {
            return Optional.of("a user with server-wide privileges (SUPER, CREATE USER or DROP on every database)");
        }
        int schema = h.createQuery("SELECT COUNT(*) FROM information_schema.SCHEMA_PRIVILEGES WHERE GRANTEE = :grantee"
                        + " AND TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE IN ('DROP', 'ALTER', 'CREATE')")
                .bind("grantee", grantee)
                .mapTo(Integer.class)
                .one();
        return schema > 0
                ? Optional.of("a user that may DROP, ALTER and CREATE Flowbase's tables (the owner's privileges)")
                : Optional.empty();
    }
}
