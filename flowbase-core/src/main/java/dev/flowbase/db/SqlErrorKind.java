package dev.flowbase.db;

import dev.flowbase.error.ErrorCode;

/**
 * What went wrong with a statement or a connection, the same on every engine: each dialect maps
 * its own SQLSTATEs and vendor codes onto these.
 */
public enum SqlErrorKind {
    UNIQUE_VIOLATION(ErrorCode.CONSTRAINT_VIOLATION, "a unique constraint was violated"),
    FOREIGN_KEY_VIOLATION(ErrorCode.CONSTRAINT_VIOLATION, "a foreign key was violated"),
    NOT_NULL_VIOLATION(ErrorCode.CONSTRAINT_VIOLATION, "a required column was null"),
    CHECK_VIOLATION(ErrorCode.CONSTRAINT_VIOLATION, "a check constraint was violated"),
    DEADLOCK(ErrorCode.DATABASE_ERROR, "deadlock or serialization failure; the transaction may be retried"),
    TIMEOUT(ErrorCode.TIMEOUT, "the statement ran past its time limit"),
    CONNECTION_LOST(ErrorCode.CONNECTION_FAILED, "the database server could not be reached"),
    AUTHENTICATION_FAILED(ErrorCode.AUTHENTICATION_FAILED, "the server refused the user or password"),
    UNKNOWN_DATABASE(ErrorCode.UNKNOWN_DATABASE, "the database does not exist"),
    TLS_FAILED(ErrorCode.TLS_FAILED, "a TLS connection was required but the server does not offer one"),
    BAD_PARAMETER(ErrorCode.INVALID_CONFIGURATION, "a driver parameter of the URL was not accepted"),
    /**
     * The server committed locally but its wait for a synchronous standby was cancelled: the change
     * may be lost in a failover, so it is reported as not acknowledged (and not retried, which
     * could apply it twice).
     */
    COMMIT_UNCONFIRMED(
            ErrorCode.UNAVAILABLE,
            "the commit was not confirmed by a synchronous standby; it may not survive a failover"),
    /** A read-only standby answered where the primary was wanted: a failover is under way or the URL names a standby. */
    NOT_PRIMARY(ErrorCode.UNAVAILABLE, "the server is a read-only standby, not the primary"),
    SYNTAX(ErrorCode.DATABASE_ERROR, "the statement is not valid SQL for this engine"),
    OTHER(ErrorCode.DATABASE_ERROR, "the database rejected the statement");

    private final ErrorCode code;
    private final String description;

    SqlErrorKind(ErrorCode code, String description) {
        this.code = code;
        this.description = description;
    }

    public ErrorCode code() {
        return code;
    }

    public String description() {
        return description;
    }

    /** Whether running the same transaction again may succeed. */
    public boolean isTransient() {
        return this == DEADLOCK || this == CONNECTION_LOST || this == NOT_PRIMARY;
    }

    /** Whether the failure says the server cannot be used now, as opposed to an answer it gave: what opens the breaker. */
    public boolean isOutage() {
        return this == CONNECTION_LOST || this == NOT_PRIMARY;
    }
}
