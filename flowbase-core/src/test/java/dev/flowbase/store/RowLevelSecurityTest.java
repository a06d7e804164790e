package dev.flowbase.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.db.Database;
import dev.flowbase.engine.Engine;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.privilege.DatabaseUser;
import dev.flowbase.privilege.LeastPrivilege;
import dev.flowbase.privilege.Purpose;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * PostgreSQL's row-level security (migration V5) as the second line: with the stores' own
 * organization filter switched off, a caller's store calls still see nothing of another
 * organization, because the application user (not a superuser, not the owner) is held by the
 * policies. The same calls as a superuser, which row-level security never holds, do see it: so
 * the switch really removed the filter.
 */
class RowLevelSecurityTest {
    @EngineTest
    void withoutTheStoresFilterTheDatabaseStillHidesAnotherOrganizationsRows(TestDatabase test, Database admin) {
        Assumptions.assumeTrue(test.engine() == Engine.POSTGRESQL, "row-level security is PostgreSQL's");
        Migrator.configure().database(admin).load().migrate();
        String prefix = "fbr" + UUID.randomUUID().toString().substring(0, 8);
        Stores flowbase = Stores.create(admin);
        Organization a = flowbase.organizations().create("A", "a-" + prefix);
        Organization b = flowbase.organizations().create("B", "b-" + prefix);
        Workflow theirs = flowbase.workflows().create(Workflow.New.named(b.id(), "b's workflow"));
        ApiKey theirKey = flowbase.apiKeys()
                .create(b.id(), "b's key", AccessRole.ADMIN, null)
                .key();
        String appPassword = LeastPrivilege.createUsers(admin, prefix).stream()
                .filter(u -> u.purpose() == Purpose.APP)
                .findFirst()
                .flatMap(DatabaseUser::password)
                .orElseThrow();
        Tenancy.filtering = false;
        try (Database app = as(test, prefix + "_app", appPassword)) {
            Stores asA = Stores.create(app).within(a.id());
            Stores superuserAsA = Stores.create(admin).within(a.id());

            Throwable byId = catchThrowable(() -> asA.workflows().get(theirs.id()));
            var listed = asA.workflows().list(b.id(), null, PageRequest.first());
            var keys = asA.apiKeys().list(b.id(), PageRequest.first());
            Throwable key = catchThrowable(() -> asA.apiKeys().get(theirKey.id()));
            var bypassing = superuserAsA.workflows().get(theirs.id());
            var flowbaseItself = Stores.create(app).workflows().get(theirs.id());
            Workflow own = asA.workflows().create(Workflow.New.named(a.id(), "a's workflow"));

            assertThat(byId).isInstanceOf(NotFoundException.class);
            assertThat(listed.items()).isEmpty();
            assertThat(keys.items()).isEmpty();
            assertThat(key).isInstanceOf(NotFoundException.class);
            assertThat(bypassing.id()).isEqualTo(theirs.id());
            assertThat(flowbaseItself.id()).isEqualTo(theirs.id());
            assertThat(asA.workflows().get(own.id()).name()).isEqualTo("a's workflow");
        } finally {
            Tenancy.filtering = true;
            dropUsers(test, admin, prefix);
        }
    }

    private static Database as(TestDatabase test, String user, String password) {
        DatabaseConfig c = test.config();
        return Database.open(DatabaseConfig.fromUrl("postgresql://" + user + ":"
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "@" + c.hostAndPort() + "/" + c.database()));
    }

    private static void dropUsers(TestDatabase test, Database admin, String prefix) {
        for (Purpose p : new Purpose[] {Purpose.READ_ONLY, Purpose.APP, Purpose.OWNER}) {
            admin.withHandle("test", h -> h.execute("DROP OWNED BY " + p.userName(prefix) + " CASCADE"));
            TestDatabase.admin(test.engine(), "DROP ROLE " + p.userName(prefix));
        }
    }
}
