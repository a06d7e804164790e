package dev.flowbase.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowbase.engine.Engine;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import dev.flowbase.util.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code flowbase db create-users} as a user types it: new passwords once, in text or JSON; a
 * second run renews the grants and shows no password; SQLite and a bad prefix are refused.
 * What each user may do is LeastPrivilegeTest's.
 */
class DbCreateUsersTest {
    @EngineTest
    void newPasswordsAreShownOnceAndASecondRunShowsNone(TestDatabase given) throws Exception {
        assertThat(CliRun.of("init", "--url", given.url()).status()).isZero();
        if (given.engine() == Engine.SQLITE) {
            CliRun refused = CliRun.of("db", "create-users", "--url", given.url());
            assertThat(refused.status()).isNotZero();
            assertThat(refused.err()).contains("sqlite has no database users", "PostgreSQL and MariaDB");
            return;
        }
        String prefix = "fbc" + UUID.randomUUID().toString().substring(0, 8);
        // A database of this test's own, dropped before the users: then nothing of theirs is left in it.
        TestDatabase test = TestDatabase.create(given.engine());
        try {
            assertThat(CliRun.of("init", "--url", test.url()).status()).isZero();
            CliRun made = CliRun.of("db", "create-users", "--prefix", prefix, "--url", test.url());
            CliRun json = CliRun.of("db", "create-users", "--prefix", prefix, "--json", "--url", test.url());
            CliRun badPrefix = CliRun.of("db", "create-users", "--prefix", "Bad-Name", "--url", test.url());
            List<String> passwords = new ArrayList<>();
            made.out()
                    .lines()
                    .filter(l -> l.startsWith("owner") || l.startsWith("app") || l.startsWith("read-only"))
                    .forEach(l -> passwords.add(l.split("\\s+")[2]));

            assertThat(made.status()).as(made.err()).isZero();
            assertThat(made.out())
                    .contains(prefix + "_owner", prefix + "_app", prefix + "_readonly", "not be shown again");
            assertThat(passwords).hasSize(3).allSatisfy(p -> assertThat(p).hasSizeGreaterThan(30));
            assertThat(made.err())
                    .satisfies(err -> passwords.forEach(p -> assertThat(err).doesNotContain(p)));
            JsonNode doc = Json.MAPPER.readTree(json.out());
            assertThat(doc.get("users").findValuesAsText("user")).contains(prefix + "_app");
            assertThat(doc.get("users").findValues("created")).allMatch(c -> !c.asBoolean());
            assertThat(doc.get("users").findValues("password")).allMatch(JsonNode::isNull);
            assertThat(badPrefix.status()).isNotZero();
            assertThat(badPrefix.err()).contains("--prefix", "Bad-Name");
        } finally {
            test.close();
            for (String suffix : List.of("_readonly", "_app", "_owner")) {
                TestDatabase.admin(
                        given.engine(),
                        given.engine() == Engine.POSTGRESQL
                                ? "DROP ROLE IF EXISTS " + prefix + suffix
                                : "DROP USER IF EXISTS '" + prefix + suffix + "'@'%'");
            }
        }
    }
}
