package dev.flowbase.store;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;

/**
 * An update carried a {@code lock_version} that is no longer the row's: someone else changed it
 * in between. Read the row again, apply the change to what is there now, and try again.
 */
public final class ConflictException extends FlowbaseException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String entity, Object id, int expected, int actual) {
        super(
                ErrorCode.CONFLICT,
                entity + " " + id + " was changed by someone else: expected lock_version " + expected + ", it is now "
                        + actual);
    }
}
