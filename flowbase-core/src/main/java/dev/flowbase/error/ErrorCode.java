package dev.flowbase.error;

import java.util.Locale;

/**
 * The stable code of every Flowbase failure. The CLI exit status, the HTTP status and the
 * problem+json type are all derived from it, so a script, a client and a person see the same kind.
 */
public enum ErrorCode {
    INVALID_CONFIGURATION(2, 400, "The configuration has errors; each one is listed."),
    INVALID_ARGUMENT(2, 400, "A command-line argument or request field is not acceptable."),
    CONNECTION_FAILED(3, 503, "The database server could not be reached."),
    AUTHENTICATION_FAILED(4, 503, "The database refused the user or password."),
    UNKNOWN_DATABASE(5, 503, "The database named in the configuration does not exist."),
    TLS_FAILED(6, 503, "A TLS connection was required but could not be made."),
    UNSUPPORTED_SERVER(15, 503, "The database server is older than Flowbase supports."),
    DATABASE_ERROR(7, 500, "The database rejected a statement."),
    CONSTRAINT_VIOLATION(8, 409, "The change breaks a rule of the schema (unique, foreign key, not null, check)."),
    TIMEOUT(9, 504, "A statement or a wait ran past its time limit."),
    MIGRATION_FAILED(10, 500, "A migration failed; the history says how far it got."),
    VALIDATION_FAILED(11, 409, "The database does not match what was expected."),
    LOCK_TIMEOUT(12, 409, "Another runner held the lock for longer than allowed."),
    NOT_FOUND(13, 404, "The thing asked for does not exist."),
    METHOD_NOT_ALLOWED(2, 405, "The resource exists but does not take this HTTP method."),
    REFUSED(14, 409, "The command was refused; the message says what would allow it."),
    CONFLICT(16, 409, "Someone else changed the row since it was read; read it again and retry."),
    INVALID_TRANSITION(17, 409, "The thing is not in a state that allows this change."),
    UNAVAILABLE(18, 503, "The database could not serve the request now; it may be retried."),
    PRECONDITION_FAILED(16, 412, "The row changed since the version the request's If-Match names; read it again."),
    PRECONDITION_REQUIRED(
            16, 428, "This change needs an If-Match header with the ETag the row was read with (or * for any)."),
    UNAUTHENTICATED(19, 401, "No API key, or one that is unknown, revoked or expired."),
    FORBIDDEN(20, 403, "The API key's access role does not allow this."),
    CSRF_TOKEN_MISSING(20, 403, "A change sent with the admin page's session must repeat the session's CSRF token."),
    RATE_LIMITED(21, 429, "Too many requests from this key or address; retry after the time given."),
    PAYLOAD_TOO_LARGE(2, 413, "The request body is larger than the server accepts."),
    HEADERS_TOO_LARGE(2, 431, "The request's line or headers are larger than the server accepts."),
    UNSUPPORTED_MEDIA_TYPE(2, 415, "The request body must be JSON (Content-Type: application/json)."),
    ARCHIVE_INVALID(
            22, 422, "The backup archive is damaged, truncated, of a newer format, or the key does not open it."),
    INTERNAL(70, 500, "An unexpected failure inside Flowbase.");

    private final int exitCode;
    private final int httpStatus;
    private final String summary;

    ErrorCode(int exitCode, int httpStatus, String summary) {
        this.exitCode = exitCode;
        this.httpStatus = httpStatus;
        this.summary = summary;
    }

    /** The process exit status of the CLI when a command ends with this code. */
    public int exitCode() {
        return exitCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String summary() {
        return summary;
    }

    /** The problem+json {@code type}: a stable, readable slug such as {@code unknown-database}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
