package dev.flowbase.store;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;

/** A change of state that the entity's life cycle does not allow, naming both states. */
public final class InvalidTransitionException extends FlowbaseException {
    private static final long serialVersionUID = 1L;

    public InvalidTransitionException(String entity, Object id, Object from, Object to, Object allowed) {
        super(
                ErrorCode.INVALID_TRANSITION,
                entity + " " + id + " cannot go from " + Names.of(from) + " to " + Names.of(to) + " (from "
                        + Names.of(from) + " it may go to " + allowed + ")");
    }

    public InvalidTransitionException(String message) {
        super(ErrorCode.INVALID_TRANSITION, message);
    }

    /** A call that asks for a state only the queue may set ({@link TaskStatus#queueOnly}). */
    public static InvalidTransitionException queueOnly(Object id, TaskStatus from, TaskStatus to) {
        return new InvalidTransitionException("task " + id + " cannot be moved to " + Names.of(to)
                + " by a call: only a worker's claim makes a task " + Names.of(to) + ", with a lease (from "
                + Names.of(from) + " a call may move it to "
                + from.nextByCall().stream().map(Names::of).toList() + ")");
    }
}
