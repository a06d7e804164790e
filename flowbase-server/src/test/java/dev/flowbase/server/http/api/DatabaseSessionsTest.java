package dev.flowbase.server.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.store.AccessRole;
import dev.flowbase.store.ApiKey;
import dev.flowbase.store.Stores;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;

/**
 * Two servers on one database and no Redis, as behind a load balancer: the page's sessions live in
 * the database, so a sign-in on one is valid on the other and after both restart, and a sign-out or
 * a revoked key on one ends the session on the other at once.
 */
class DatabaseSessionsTest {

    @EngineTest
    void aSessionOpenedOnOneServerIsValidOnTheOtherAndAfterBothRestart(TestDatabase test, Database db)
            throws Exception {
        String cookie;
        try (ApiServer a = ApiServer.start(test, db);
                ApiServer b = ApiServer.start(test, db)) {
            cookie = PageBrowser.signIn(a.base(), a.admin.key());
            assertThat(PageBrowser.page(b.base(), cookie)).isEqualTo(200);
            assertThat(PageBrowser.page(b.base(), "flowbase_session=not-a-session"))
                    .isEqualTo(303);
        }
        try (ApiServer a = ApiServer.start(test, db);
                ApiServer b = ApiServer.start(test, db)) {
            assertThat(PageBrowser.page(a.base(), cookie)).isEqualTo(200);
            assertThat(PageBrowser.page(b.base(), cookie)).isEqualTo(200);
        }
    }

    @EngineTest
    void signingOutOnOneServerSignsOutOnTheOther(TestDatabase test, Database db) throws Exception {
        try (ApiServer a = ApiServer.start(test, db);
                ApiServer b = ApiServer.start(test, db)) {
            String cookie = PageBrowser.signIn(a.base(), a.admin.key());
            String kept = PageBrowser.signIn(a.base(), a.admin.key());

            PageBrowser.signOut(b.base(), cookie);

            assertThat(PageBrowser.page(a.base(), cookie)).isEqualTo(303);
            assertThat(PageBrowser.page(a.base(), kept)).isEqualTo(200);
        }
    }

    @EngineTest
    void aKeyRevokedOnOneServerEndsItsSessionsOnTheOtherAtOnce(TestDatabase test, Database db) throws Exception {
        try (ApiServer a = ApiServer.start(test, db);
                ApiServer b = ApiServer.start(test, db)) {
            ApiKey.Created temp = Stores.create(db).apiKeys().create(a.org.id(), "temp", AccessRole.ADMIN, null);
            String cookie = PageBrowser.signIn(b.base(), temp.secret());
            assertThat(PageBrowser.page(b.base(), cookie)).isEqualTo(200);

            assertThat(a.admin.delete("/api/api-keys/" + temp.key().id()).status())
                    .isEqualTo(200);

            assertThat(PageBrowser.page(b.base(), cookie)).isEqualTo(303);
        }
    }
}
