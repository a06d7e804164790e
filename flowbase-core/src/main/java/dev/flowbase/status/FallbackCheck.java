package dev.flowbase.status;

import dev.flowbase.queue.FallbackStats;
import java.util.function.Supplier;

/**
 * The fallback's outbox as a check (when {@code DB_FALLBACK_URL} names one): tasks waiting to be
 * replayed or set aside warn, and so does a fallback that does not answer, since an outage of the
 * database would then refuse new tasks too.
 */
public final class FallbackCheck {
    private FallbackCheck() {}

    public static Check of(Supplier<FallbackStats> stats) {
        FallbackStats s;
        try {
            s = stats.get();
        } catch (RuntimeException e) {
            return new Check(
                    "fallback",
                    Verdict.WARNING,
                    "does not answer: while the database is away, new tasks would be refused too");
        }
        String done = s.replayed() > 0 || s.accepted() > 0
                ? " (this process kept " + s.accepted() + ", replayed " + s.replayed() + ")"
                : "";
        if (s.rejected() > 0) {
            return new Check(
                    "fallback",
                    Verdict.WARNING,
                    s.rejected() + " task(s) of the outbox were refused by the database and set aside"
                            + " (flowbase_outbox.rejected says why); " + s.waiting() + " waiting" + done);
        }
        if (s.waiting() > 0) {
            return new Check(
                    "fallback", Verdict.WARNING, s.waiting() + " task(s) wait in the outbox for the database" + done);
        }
        return Check.ok("fallback", "ready, outbox empty" + done);
    }
}
