package dev.flowbase.server.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.cache.Shared;
import dev.flowbase.db.Database;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.OwnRedis;
import dev.flowbase.testing.TestDatabase;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The server's own Redis (port 16400) killed while people use the admin page: the sessions are in
 * the database behind it, so nobody is signed out, a sign-in still works, and every session is
 * still valid once Redis is back.
 */
class SessionsWhileRedisIsGoneTest {
    private static final int PORT = 16400;

    @EngineTest
    void nobodyIsSignedOutAndASignInWorksWhileRedisIsGone(TestDatabase test, Database db) throws Exception {
        try (OwnRedis redis = new OwnRedis(PORT).start()) {
            Shared shared = Shared.connect(Optional.of(redis.url()), Shared.PREFIX, Clock.systemUTC());
            try (ApiServer api = ApiServer.start(test, db, Map.of(), shared)) {
                String before = PageBrowser.signIn(api.base(), api.admin.key());
                assertThat(PageBrowser.page(api.base(), before)).isEqualTo(200);

                redis.kill();
                int stillSignedIn = PageBrowser.page(api.base(), before);
                String during = PageBrowser.signIn(api.base(), api.admin.key());
                int newSession = PageBrowser.page(api.base(), during);
                PageBrowser.signOut(api.base(), during);
                int afterSignOut = PageBrowser.page(api.base(), during);

                redis.start();
                assertThat(stillSignedIn).isEqualTo(200);
                assertThat(newSession).isEqualTo(200);
                assertThat(afterSignOut).isEqualTo(303);
                assertThat(PageBrowser.page(api.base(), before)).isEqualTo(200);
                assertThat(PageBrowser.page(api.base(), during)).isEqualTo(303);
            }
        }
    }
}
