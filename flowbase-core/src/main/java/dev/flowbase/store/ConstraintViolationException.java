package dev.flowbase.store;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;

/**
 * The change breaks a rule of the schema. The message says what the rule means ("an organization
 * with this slug already exists"), never the row's values, and is the same on every engine.
 */
public final class ConstraintViolationException extends FlowbaseException {
    private static final long serialVersionUID = 1L;

    private final String constraint;

    public ConstraintViolationException(String constraint, String meaning, Throwable cause) {
        super(ErrorCode.CONSTRAINT_VIOLATION, meaning + (constraint.isEmpty() ? "" : " (" + constraint + ")"), cause);
        this.constraint = constraint;
    }

    /** The constraint's name in the schema, or empty when the engine did not say which. */
    public String constraint() {
        return constraint;
    }
}
