package dev.flowbase.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.store.AccessRole;
import dev.flowbase.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Admin-page sessions on an injected clock: idle expiry, a revoked key, one-time links. */
class SessionsTest {
    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-30T12:00:00Z"));
    private final Set<UUID> revoked = new HashSet<>();
    private final Sessions sessions = new Sessions(clock, id -> !revoked.contains(id));
    private final Principal admin =
            new Principal(UUID.randomUUID(), UUID.randomUUID(), AccessRole.ADMIN, "admin", true);

    @Test
    void aSessionLastsWhileUsedAndEndsAfterItsIdleTime() {
        var s = sessions.open(admin);
        clock.advance(Duration.ofHours(7));
        boolean stillThere = sessions.find(s.id()).isPresent();
        clock.advance(Duration.ofHours(7));
        boolean afterUse = sessions.find(s.id()).isPresent();
        clock.advance(Sessions.IDLE.plusSeconds(1));

        assertThat(stillThere).isTrue();
        assertThat(afterUse).isTrue();
        assertThat(sessions.find(s.id())).isEmpty();
        assertThat(sessions.find(null)).isEmpty();
    }

    @Test
    void aKeyRevokedAnywhereEndsItsSessionsWithinTheTrustTime() {
        var s = sessions.open(admin);
        revoked.add(admin.apiKeyId());
        boolean withinTrust = sessions.find(s.id()).isPresent();
        clock.advance(Authentication.TRUST.plusSeconds(1));

        assertThat(withinTrust).isTrue();
        assertThat(sessions.find(s.id())).isEmpty();
    }

    @Test
    void aSignInLinkWorksOnceAndNotAfterFifteenMinutes() {
        String once = sessions.link(admin);
        String late = sessions.link(admin);

        var first = sessions.redeem(once);
        var again = sessions.redeem(once);
        clock.advance(Sessions.LINK.plusSeconds(1));

        assertThat(first).map(x -> x.principal()).contains(admin);
        assertThat(again).isEmpty();
        assertThat(sessions.redeem(late)).isEmpty();
        assertThat(sessions.redeem("not-a-token")).isEmpty();
    }
}
