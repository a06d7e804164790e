package dev.flowbase.privilege;

import dev.flowbase.db.Database;
import dev.flowbase.db.DatabaseException;
import dev.flowbase.engine.EngineKit;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.error.InvalidFieldException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The front door of least privilege: {@link #createUsers} for {@code flowbase db create-users},
 * {@link #excessPrivilege} for the warning {@code serve} gives when it runs as too strong a user.
 */
public final class LeastPrivilege {
    public static final String DEFAULT_PREFIX = "flowbase";
    private static final Pattern PREFIX = Pattern.compile("[a-z_][a-z0-9_]{0,40}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private LeastPrivilege() {}

    /**
     * Makes (or, where one exists, grants again) the owner, application and read-only users of
     * {@code prefix}, and gives the owner Flowbase's tables. A new user's password is random and
     * returned once; an existing user keeps its password, which is never read.
     */
    public static List<DatabaseUser> createUsers(Database db, String prefix) {
        if (!PREFIX.matcher(prefix).matches()) {
            throw new InvalidFieldException(
                    "--prefix",
                    "'" + prefix + "'",
                    "lower-case letters, digits and _, up to 41, not starting with a digit");
        }
        DatabaseUsers users = users(db);
        String owner = Purpose.OWNER.userName(prefix);
        return db.inTransaction("Creating Flowbase's database users", h -> {
            List<DatabaseUser> made = new ArrayList<>();
            for (Purpose purpose : Purpose.values()) {
                String name = purpose.userName(prefix);
                Optional<String> password = Optional.empty();
                if (!users.exists(h, name)) {
                    password = Optional.of(newPassword());
                    users.create(h, name, password.get());
                }
                users.grant(h, purpose, name, owner);
                made.add(new DatabaseUser(purpose, name, password));
            }
            return made;
        });
    }

    /**
     * Why the pool's user is more than an application needs, if it is; empty on SQLite, and when
     * the server will not say (a catalog the user may not read is no reason to stop serving).
     */
    public static Optional<String> excessPrivilege(Database db) {
        if (db.engine().isEmbedded()) {
            return Optional.empty();
        }
        DatabaseUsers users = users(db);
        try {
            return db.withHandle("Checking the database user's privileges", users::excessPrivilege);
        } catch (DatabaseException e) {
            return Optional.empty();
        }
    }

    private static DatabaseUsers users(Database db) {
        if (db.engine().isEmbedded()) {
            throw new FlowbaseException(
                    ErrorCode.REFUSED,
                    db.engine().id() + " has no database users: db create-users applies to PostgreSQL and MariaDB");
        }
        return EngineKit.of(db.engine()).part(DatabaseUsers.class);
    }

    /** 32 random bytes, base64url: only letters, digits, - and _, so no quoting can go wrong. */
    private static String newPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
