package dev.flowbase.migrate.sql;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;

/** A script that cannot be split, such as one with a string that is never closed. */
public final class SqlSyntaxException extends FlowbaseException {
    private static final long serialVersionUID = 1L;

    private final int line;

    SqlSyntaxException(String message, int line) {
        super(ErrorCode.MIGRATION_FAILED, message);
        this.line = line;
    }

    /** The 1-based line of the script where the problem starts. */
    public int line() {
        return line;
    }
}
