package dev.flowbase.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.store.AccessRole;
import dev.flowbase.store.ApiKey;
import dev.flowbase.store.Organization;
import dev.flowbase.store.Stores;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.SettableClock;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The page's sessions in the database, as servers without Redis keep them: two {@link Sessions} on
 * one database stand for two servers behind a balancer, a third for one of them after a restart.
 */
class StoredSessionsTest {
    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-30T12:00:00Z"));

    private record Setup(Stores stores, Principal admin, Principal viewer) {}

    private Setup setup(Database db) {
        Migrator.configure().database(db).load().migrate();
        Stores stores = Stores.create(db).withClock(clock);
        Organization org = stores.organizations().create("Acme", "acme-" + UUID.randomUUID());
        return new Setup(stores, principal(stores, org, AccessRole.ADMIN), principal(stores, org, AccessRole.VIEWER));
    }

    private static Principal principal(Stores stores, Organization org, AccessRole role) {
        ApiKey key = stores.apiKeys().create(org.id(), role.name(), role, null).key();
        return new Principal(key.id(), org.id(), role, role.name(), false);
    }

    private Sessions server(Setup s) {
        return Sessions.inDatabase(clock, id -> true, s.stores().pageSessions(), () -> true);
    }

    @EngineTest
    void aSessionOpenedOnOneServerIsValidOnTheOtherAndAfterARestart(Database db) {
        Setup s = setup(db);
        Sessions a = server(s);
        Sessions b = server(s);

        var opened = a.open(s.admin());

        assertThat(b.find(opened.id())).map(Sessions.Session::principal).contains(s.admin());
        assertThat(b.find(opened.id())).map(Sessions.Session::csrf).contains(opened.csrf());
        assertThat(server(s).find(opened.id())).isPresent();
        assertThat(b.find("not-a-session")).isEmpty();
    }

    @EngineTest
    void aSessionLastsWhileUsedOnAnyServerAndEndsAfterItsIdleTimeOnAll(Database db) {
        Setup s = setup(db);
        Sessions a = server(s);
        Sessions b = server(s);
        var opened = a.open(s.admin());

        clock.advance(Duration.ofHours(7));
        boolean usedOnB = b.find(opened.id()).isPresent(); // pushes its end back for every server
        clock.advance(Duration.ofHours(7));
        boolean stillOnA = a.find(opened.id()).isPresent();
        clock.advance(Sessions.IDLE.plusSeconds(1));

        assertThat(usedOnB).isTrue();
        assertThat(stillOnA).isTrue();
        assertThat(a.find(opened.id())).isEmpty();
        assertThat(b.find(opened.id())).isEmpty();
    }

    @EngineTest
    void signingOutOnOneServerEndsTheSessionOnTheOther(Database db) {
        Setup s = setup(db);
        Sessions a = server(s);
        Sessions b = server(s);
        var opened = a.open(s.admin());
        var other = a.open(s.admin());

        b.close(opened.id());

        assertThat(a.find(opened.id())).isEmpty();
        assertThat(a.find(other.id())).isPresent();
    }

    @EngineTest
    void revokingAKeyOnOneServerEndsItsSessionsOnTheOtherAtOnce(Database db) {
        Setup s = setup(db);
        Sessions a = server(s);
        Sessions b = server(s);
        var admin = a.open(s.admin());
        var viewer = a.open(s.viewer());

        b.forgetKey(s.admin().apiKeyId());

        assertThat(a.find(admin.id())).isEmpty(); // a heard nothing: the rows are gone
        assertThat(a.find(viewer.id())).isPresent();
    }

    @EngineTest
    void expiredSessionsAreDeletedWhenAnotherOpens(Database db) throws SQLException {
        Setup s = setup(db);
        Sessions a = server(s);
        a.open(s.admin());
        a.open(s.admin());
        clock.advance(Sessions.IDLE.plusSeconds(1));

        a.open(s.viewer());

        long rows;
        try (Connection c = db.connection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM page_sessions")) {
            rs.next();
            rows = rs.getLong(1);
        }
        assertThat(rows).isEqualTo(1L);
    }
}
