package dev.flowbase.store;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;

/** The row asked for does not exist (or is not visible to the caller's organization). */
public final class NotFoundException extends FlowbaseException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String entity, Object id) {
        super(ErrorCode.NOT_FOUND, entity + " " + id + " not found");
    }

    /** An id named by {@code field} of a write that is no row of the caller's organization. */
    public NotFoundException(String field, String entity, Object id) {
        super(ErrorCode.NOT_FOUND, field + "=" + id + ": no " + entity + " with this id in the organization");
    }
}
