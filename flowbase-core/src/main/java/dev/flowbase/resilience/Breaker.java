package dev.flowbase.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A circuit breaker (resilience4j's count-based state machine) around calls to one server. While
 * it is open, calls are refused at once with {@link BreakerOpenException} instead of each waiting
 * out a connection timeout; after the open wait (on the injected clock) a few probes go through,
 * and their success closes it. Only failures that {@code counts} accepts are held against the
 * server: a constraint violation is an answer, not an outage.
 */
public final class Breaker implements Health {
    private static final Logger LOG = LoggerFactory.getLogger(Breaker.class);

    private final String name;
    private final BreakerSettings settings;
    private final InstantSource clock;
    private final CircuitBreaker breaker;
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong opened = new AtomicLong();
    private final List<Consumer<BreakerState>> listeners = new CopyOnWriteArrayList<>();
    private volatile Instant since;

    /** {@code name}: what is called, for messages ("database"). */
    public Breaker(String name, BreakerSettings settings, InstantSource clock, Predicate<Throwable> counts) {
        this.name = name;
        this.settings = settings;
        this.clock = clock;
        this.since = clock.instant();
        boolean slowCounts = !settings.slowCall().isZero();
        this.breaker = CircuitBreaker.of(
                name,
                CircuitBreakerConfig.custom()
                        .failureRateThreshold(settings.failureRatePercent())
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(settings.window())
                        .minimumNumberOfCalls(settings.minimumCalls())
                        .waitDurationInOpenState(settings.openWait())
                        .permittedNumberOfCallsInHalfOpenState(BreakerSettings.PROBES)
                        .slowCallDurationThreshold(slowCounts ? settings.slowCall() : Duration.ofDays(1))
                        .slowCallRateThreshold(slowCounts ? settings.failureRatePercent() : 100)
                        .recordException(counts)
                        .clock(clock.withZone(ZoneOffset.UTC))
                        .build());
        breaker.getEventPublisher()
                .onStateTransition(event -> moved(event.getStateTransition().getToState()));
    }

    /** Runs {@code call} if the breaker lets it, and counts how it ended. */
    public <T> T call(Supplier<T> call) {
        if (!breaker.tryAcquirePermission()) {
            refused.incrementAndGet();
            throw new BreakerOpenException(name, state());
        }
        long start = System.nanoTime();
        try {
            T result = call.get();
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return result;
        } catch (RuntimeException | Error e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            throw e;
        }
    }

    /** Hears every change of state, on the thread whose call caused it; it must be quick. */
    public void onChange(Consumer<BreakerState> listener) {
        listeners.add(listener);
    }

    @Override
    public boolean permitsCalls() {
        return breaker.getState() != CircuitBreaker.State.OPEN || retryAfter().isZero();
    }

    @Override
    public Duration retryAfter() {
        Instant now = clock.instant();
        Instant until = since.plus(settings.openWait());
        if (breaker.getState() != CircuitBreaker.State.OPEN || now.isAfter(until)) {
            return Duration.ZERO;
        }
        // resilience4j lets probes through only after the wait, not at its last instant.
        return Duration.between(now, until).plusMillis(1);
    }

    public BreakerState state() {
        CircuitBreaker.Metrics m = breaker.getMetrics();
        return new BreakerState(
                stateOf(breaker.getState()),
                m.getFailureRate(),
                m.getNumberOfBufferedCalls(),
                refused.get(),
                opened.get(),
                since,
                retryAfter());
    }

    public BreakerSettings settings() {
        return settings;
    }

    private void moved(CircuitBreaker.State to) {
        since = clock.instant();
        BreakerState now = state();
        switch (stateOf(to)) {
            case OPEN -> {
                opened.incrementAndGet();
                LOG.warn(
                        "The {}'s circuit breaker opened: {}% of the last {} calls failed; calls are refused for {} s",
                        name,
                        Math.round(now.failureRatePercent()),
                        now.calls(),
                        settings.openWait().toSeconds());
            }
            case HALF_OPEN ->
                LOG.info("The {}'s circuit breaker lets {} probe calls through", name, BreakerSettings.PROBES);
            case CLOSED -> LOG.info("The {}'s circuit breaker closed: the {} answers again", name, name);
        }
        BreakerState after = state();
        listeners.forEach(l -> l.accept(after));
    }

    private static BreakerState.State stateOf(CircuitBreaker.State s) {
        return switch (s) {
            case OPEN, FORCED_OPEN -> BreakerState.State.OPEN;
            case HALF_OPEN -> BreakerState.State.HALF_OPEN;
            default -> BreakerState.State.CLOSED;
        };
    }
}
