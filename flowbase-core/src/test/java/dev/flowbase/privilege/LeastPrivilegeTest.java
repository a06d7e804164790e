package dev.flowbase.privilege;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.db.Database;
import dev.flowbase.db.DatabaseException;
import dev.flowbase.engine.Engine;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.store.Stores;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The three users {@link LeastPrivilege#createUsers} makes, on a real server: each may do what its
 * purpose needs and nothing more, as the server itself enforces it.
 */
class LeastPrivilegeTest {
    @EngineTest
    void theAppUserWritesRowsButCannotDropOrAlterAndTheReadOnlyUserCannotWrite(TestDatabase test, Database admin) {
        Assumptions.assumeFalse(test.engine().isEmbedded(), "SQLite has no users");
        Migrator.configure().database(admin).load().migrate();
        String prefix = "fbt" + UUID.randomUUID().toString().substring(0, 8);
        String other = "fbt_other_" + UUID.randomUUID().toString().substring(0, 8);
        try {
            Map<Purpose, String> passwords = new HashMap<>();
            for (DatabaseUser u : LeastPrivilege.createUsers(admin, prefix)) {
                passwords.put(u.purpose(), u.password().orElseThrow());
            }
            var again = LeastPrivilege.createUsers(admin, prefix);
            otherSchemaWithATable(test.engine(), admin, other);

            try (Database app = as(test, prefix + "_app", passwords.get(Purpose.APP));
                    Database readOnly = as(test, prefix + "_readonly", passwords.get(Purpose.READ_ONLY));
                    Database owner = as(test, prefix + "_owner", passwords.get(Purpose.OWNER))) {
                Stores.create(app).organizations().create("Written by the app user", prefix);
                assertThat(count(app, "organizations")).isPositive();
                assertThat(refused(app, "DROP TABLE tasks")).isNotNull();
                assertThat(refused(app, "ALTER TABLE tasks ADD COLUMN sneaky INT"))
                        .isNotNull();
                assertThat(refused(app, "CREATE TABLE sneaky (id INT)")).isNotNull();
                assertThat(refused(app, "SELECT COUNT(*) FROM " + other + ".secrets"))
                        .isNotNull();
                assertThat(LeastPrivilege.excessPrivilege(app)).isEmpty();

                assertThat(count(readOnly, "organizations")).isPositive();
                assertThat(refused(readOnly, "UPDATE organizations SET name = name"))
                        .isNotNull();
                assertThat(refused(readOnly, "DELETE FROM tasks")).isNotNull();
                assertThat(refused(readOnly, "INSERT INTO organizations (id) VALUES (NULL)"))
                        .isNotNull();

                run(owner, "ALTER TABLE tasks ADD COLUMN owner_may INT");
                run(owner, "ALTER TABLE tasks DROP COLUMN owner_may");
                assertThat(LeastPrivilege.excessPrivilege(owner)).isPresent();
                assertThat(LeastPrivilege.excessPrivilege(admin)).isPresent();
            }
            assertThat(passwords.values()).allSatisfy(p -> assertThat(p).hasSizeGreaterThan(30));
            assertThat(again).noneMatch(DatabaseUser::created);
            assertThat(again.toString())
                    .doesNotContain(passwords.values().iterator().next());
        } finally {
            dropUsers(test, admin, prefix, other);
        }
    }

    private static Database as(TestDatabase test, String user, String password) {
        DatabaseConfig c = test.config();
        String url = c.engine().id() + "://" + user + ":" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "@"
                + c.hostAndPort() + "/" + c.database();
        return Database.open(DatabaseConfig.fromUrl(url));
    }

    private static void run(Database db, String sql) {
        db.withHandle("test", h -> h.execute(sql));
    }

    private static int count(Database db, String table) {
        return db.withHandle(
                "test",
                h -> h.createQuery("SELECT COUNT(*) FROM " + table)
                        .mapTo(Integer.class)
                        .one());
    }

    private static DatabaseException refused(Database db, String sql) {
        return catchThrowableOfType(DatabaseException.class, () -> run(db, sql));
    }

    private static boolean exists(Database admin, String role) {
        return admin.withHandle(
                        "test",
                        h -> h.createQuery("SELECT COUNT(*) FROM pg_roles WHERE rolname = :r")
                                .bind("r", role)
                                .mapTo(Integer.class)
                                .one())
                > 0;
    }

    /** Something of another application beside Flowbase's tables: a schema (PostgreSQL) or database (MariaDB). */
    private static void otherSchemaWithATable(Engine engine, Database admin, String name) {
        if (engine == Engine.POSTGRESQL) {
            run(admin, "CREATE SCHEMA " + name);
            run(admin, "CREATE TABLE " + name + ".secrets (id INT)");
        } else {
            TestDatabase.admin(engine, "CREATE DATABASE " + name);
            TestDatabase.admin(engine, "CREATE TABLE " + name + ".secrets (id INT)");
        }
    }

    private static void dropUsers(TestDatabase test, Database admin, String prefix, String other) {
        String[] users = {prefix + "_owner", prefix + "_app", prefix + "_readonly"};
        if (test.engine() == Engine.POSTGRESQL) {
            // What the users own or were granted in the test database goes first; then the roles.
            // One at a time, the owner last: PostgreSQL 15 trips on a default ACL between two roles dropped together.
            for (int i = users.length - 1; i >= 0; i--) {
                if (exists(admin, users[i])) {
                    run(admin, "DROP OWNED BY " + users[i] + " CASCADE");
                }
            }
            for (String u : users) {
                TestDatabase.admin(test.engine(), "DROP ROLE IF EXISTS " + u);
            }
        } else {
            for (String u : users) {
                TestDatabase.admin(test.engine(), "DROP USER IF EXISTS '" + u + "'@'%'");
            }
            TestDatabase.admin(test.engine(), "DROP DATABASE IF EXISTS " + other.toLowerCase(Locale.ROOT));
        }
    }
}
