package dev.flowbase.error;

import java.util.Objects;

/**
 * The one unchecked root of every failure Flowbase reports. Messages say what failed, for which
 * thing, and how to fix it; they never carry passwords or bound SQL values.
 */
public class FlowbaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public FlowbaseException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public FlowbaseException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }
}
