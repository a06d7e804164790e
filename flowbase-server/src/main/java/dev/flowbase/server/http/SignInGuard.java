package dev.flowbase.server.http;

import dev.flowbase.cache.Cache;
import dev.flowbase.cache.LocalCache;
import dev.flowbase.cache.RateLimits;
import dev.flowbase.cache.Shared;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.store.Actor;
import dev.flowbase.store.Origin;
import dev.flowbase.store.Stores;
import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The admin page's sign-in form, guarded per client address: a wrong key after {@link #FAILURES}
 * within {@link #WINDOW} locks the address out for {@link #LOCKOUT}, with an audit entry. Failures are
 * counted in the shared limits and the lock kept in the shared cache, so every server behind a
 * balancer enforces it; the lock is also kept here, so it holds while Redis is away.
 */
public final class SignInGuard {
    static final int FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCKOUT = Duration.ofMinutes(15);
    private static final String LOCK = "signin-lock:";

    private final RateLimits limits;
    private final Cache shared;
    private final Cache here;
    private final Stores stores;

    SignInGuard(Shared shared, Stores stores) {
        this(shared, stores, System::nanoTime);
    }

    /** @param nanos the clock of the lock kept here, injected in tests */
    SignInGuard(Shared shared, Stores stores, LongSupplier nanos) {
        this.here = new LocalCache(nanos);
        this.limits = shared.limits();
        this.shared = shared.cache();
        this.stores = stores;
    }

    /** Refuses a sign-in from an address that is locked out, naming when it may try again. */
    public void check(String address) {
        if (here.get(LOCK + address).isPresent() || shared.get(LOCK + address).isPresent()) {
            throw new FlowbaseException(
                    ErrorCode.RATE_LIMITED,
                    "Too many wrong API keys from this address: sign-in is locked for up to " + LOCKOUT.toMinutes()
                            + " minutes");
        }
    }

    /** Counts a wrong key; the one that uses up the budget locks the address and is audited. */
    public void failed(String address) {
        double wait = limits.take("signin:" + address, FAILURES / (double) WINDOW.toSeconds(), FAILURES);
        if (wait > 0) {
            here.put(LOCK + address, "locked", LOCKOUT);
            shared.put(LOCK + address, "locked", LOCKOUT);
            stores.as(Actor.system("sign-in guard"), new Origin(null, address, null))
                    .audit()
                    .record(
                            null,
                            "sign_in.locked",
                            "address",
                            address,
                            null,
                            Map.of("failures", FAILURES, "lockedForMinutes", LOCKOUT.toMinutes()));
        }
    }
}
