package dev.flowbase.error;

/**
 * A value that is not acceptable, naming its field, so an HTTP client gets the field in the
 * problem's list of errors and a person reads "field=value: expected …".
 */
public final class InvalidFieldException extends FlowbaseException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidFieldException(String field, String shown, String expected) {
        super(ErrorCode.INVALID_ARGUMENT, field + "=" + shown + ": expected " + expected);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
