package dev.flowbase.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.flowbase.cache.Shared;
import dev.flowbase.db.Database;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.store.PageRequest;
import dev.flowbase.store.Stores;
import dev.flowbase.testing.EngineTest;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/** Wrong keys at the sign-in form: counted per address, then locked out with an audit entry, until the window ends. */
class SignInGuardTest {
    @EngineTest
    void repeatedWrongKeysLockTheAddressOutWithAnAuditEntryUntilTheLockoutEnds(Database db) {
        Migrator.configure().database(db).load().migrate();
        Stores stores = Stores.create(db);
        AtomicLong nanos = new AtomicLong();
        try (Shared shared = Shared.local(Clock.systemUTC(), nanos::get)) {
            SignInGuard guard = new SignInGuard(shared, stores, nanos::get);
            for (int i = 0; i < SignInGuard.FAILURES; i++) {
                guard.check("192.0.2.7");
                guard.failed("192.0.2.7");
            }
            guard.check("192.0.2.7"); // still allowed: the next wrong key is the one that locks
            guard.failed("192.0.2.7");

            FlowbaseException locked = catchThrowableOfType(FlowbaseException.class, () -> guard.check("192.0.2.7"));
            assertThat(locked.code()).isEqualTo(ErrorCode.RATE_LIMITED);
            assertThat(locked.getMessage()).contains("locked for up to 15 minutes");
            assertThatCode(() -> guard.check("198.51.100.1")).doesNotThrowAnyException(); // another address
            assertThat(stores.audit().list(PageRequest.first(10)).items())
                    .anySatisfy(e -> assertThat(e.action()).isEqualTo("sign_in.locked"));

            nanos.addAndGet(SignInGuard.LOCKOUT.plusSeconds(1).toNanos());
            assertThatCode(() -> guard.check("192.0.2.7")).doesNotThrowAnyException();
        }
    }
}
