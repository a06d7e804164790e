package dev.flowbase.queue;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import java.time.Duration;

/**
 * A write refused while the primary database is unreachable and a fallback takes new tasks only:
 * a claim, a completion or an edit accepted on the fallback would make it a second source of truth
 * (docs/resilience.md). The HTTP API answers 503 with {@code Retry-After}; the message names no host.
 */
public final class FallbackRefusedException extends FlowbaseException {
    private static final long serialVersionUID = 1L;

    private final transient Duration retryAfter;

    FallbackRefusedException(Duration retryAfter, Throwable cause) {
        this(
                "The primary database is unreachable. Until it answers again the fallback accepts only new tasks"
                        + " (POST /api/tasks, answered 202 and written to the primary when it returns); claims,"
                        + " completions, failures and edits are refused, since accepting them on the fallback"
                        + " would make two sources of truth. Retry after " + seconds(retryAfter) + " s",
                retryAfter,
                cause);
    }

    private FallbackRefusedException(String message, Duration retryAfter, Throwable cause) {
        super(ErrorCode.UNAVAILABLE, message, cause);
        this.retryAfter = retryAfter;
    }

    /** A new task refused: the fallback could not keep it either. */
    static FallbackRefusedException bothUnreachable(Duration retryAfter, Throwable cause) {
        return new FallbackRefusedException(
                "The primary database is unreachable, and the fallback could not keep the task either: it was not"
                        + " accepted. Retry after " + seconds(retryAfter) + " s",
                retryAfter,
                cause);
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, at least 1: what {@code Retry-After} carries. */
    public static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
