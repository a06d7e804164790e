package dev.flowbase.store;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;

/** The row asked for does not exist (or is not visible to the caller's organization). */
public final class NotFoundException extends FlowbaseException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String entity, Object id) {
        super(ErrorCode.NOT_FOUND, entity + " " + id + " not found");
    }
}
