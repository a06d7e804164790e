package dev.flowbase.db;

import dev.flowbase.error.FlowbaseException;

/** A failure reported by the database, classified into a {@link SqlErrorKind} the same way on every engine. */
public final class DatabaseException extends FlowbaseException {
    private static final long serialVersionUID = 1L;

    private final SqlErrorKind kind;
    private final String sqlState;
    private final int vendorCode;

    public DatabaseException(SqlErrorKind kind, String message, String sqlState, int vendorCode, Throwable cause) {
        super(kind.code(), message, cause);
        this.kind = kind;
        this.sqlState = sqlState;
        this.vendorCode = vendorCode;
    }

    public SqlErrorKind kind() {
        return kind;
    }

    /** The engine's SQLSTATE, when it gave one. */
    public String sqlState() {
        return sqlState;
    }

    /** The engine's own error number (MariaDB error, SQLite extended result code, 0 on PostgreSQL). */
    public int vendorCode() {
        return vendorCode;
    }
}
