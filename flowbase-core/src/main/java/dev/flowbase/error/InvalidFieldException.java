package dev.flowbase.error;

/**
 * A value that is not acceptable, naming its field, so an HTTP client gets the field in the
 * problem's list of errors and a person reads "field=value: expected …".
 */
public final class InvalidFieldException extends FlowbaseException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidFieldException(String field, String shown, String expected) {
        this(field, field + "=" + shown + ": expected " + expected);
    }

    private InvalidFieldException(String field, String message) {
        super(ErrorCode.INVALID_ARGUMENT, message);
        this.field = field;
    }

    /** A field that should not be there at all, and the fields that may. */
    public static InvalidFieldException unknown(String field, String accepted) {
        return new InvalidFieldException(field, field + ": no such field; the fields are " + accepted);
    }

    /**
     * The same error for a field nested under {@code prefix}, such as {@code tasks[2].}, so a client
     * sending a list learns which element was wrong.
     */
    public InvalidFieldException within(String prefix) {
        return new InvalidFieldException(prefix + field, prefix + getMessage());
    }

    public String field() {
        return field;
    }
}
