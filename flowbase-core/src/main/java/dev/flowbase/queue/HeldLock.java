package dev.flowbase.queue;

import dev.flowbase.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Leadership by a session lock held on one connection: taken with the engine's try-lock query,
 * kept while the connection is alive, released when it closes or dies. While not leading, no
 * connection is held.
 */
public final class HeldLock implements Leadership {
    private final Database db;
    private final String tryLockSql;
    private final String unlockSql;
    private final Object key;
    private Connection held;

    /**
     * @param tryLockSql a query with one parameter ({@code key}) answering true or 1 when the lock was taken
     * @param unlockSql the statement that releases it, with the same parameter: the connection goes back
     *     to the pool afterwards, and its session with it, so the lock must not stay behind
     */
    public HeldLock(Database db, String tryLockSql, String unlockSql, Object key) {
        this.db = db;
        this.tryLockSql = tryLockSql;
        this.unlockSql = unlockSql;
        this.key = key;
    }

    @Override
    public synchronized boolean lead() {
        try {
            if (held != null) {
                if (held.isValid(2)) {
                    return true;
                }
                release();
            }
            Connection c = db.directDataSource().getConnection();
            boolean taken;
            try (PreparedStatement s = c.prepareStatement(tryLockSql)) {
                s.setObject(1, key);
                try (ResultSet rs = s.executeQuery()) {
                    taken = rs.next() && rs.getInt(1) == 1;
                }
            }
            if (taken) {
                held = c;
            } else {
                c.close();
            }
            return taken;
        } catch (SQLException | RuntimeException e) {
            release();
            return false;
        }
    }

    @Override
    public synchronized void close() {
        release();
    }

    private void release() {
        if (held == null) {
            return;
        }
        try (Connection c = held;
                PreparedStatement s = c.prepareStatement(unlockSql)) {
            s.setObject(1, key);
            s.execute();
        } catch (SQLException e) {
            // The connection died, and the session lock with it.
        }
        held = null;
    }
}
