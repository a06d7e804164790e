package dev.flowbase.schema;

import dev.flowbase.config.PoolSettings;
import dev.flowbase.db.Database;
import dev.flowbase.db.SqlErrors;
import dev.flowbase.engine.EngineKit;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An empty place beside the live database in which the migrations are replayed to learn what the
 * schema should be: an in-memory SQLite database, a PostgreSQL schema, a MariaDB database. It is
 * removed on close.
 */
public interface ScratchSpace extends AutoCloseable {

    /** The scratch database, open. */
    Database database();

    @Override
    void close();

    /**
     * A new scratch space beside {@code live}, after removing those that killed runs left behind. It
     * is also removed when the process is interrupted (SIGINT, SIGTERM) before it is closed.
     */
    static ScratchSpace beside(Database live) {
        ScratchSpaces spaces = EngineKit.of(live.engine()).part(ScratchSpaces.class);
        Instant now = Instant.now();
        for (String name : spaces.existing(live, ScratchNames.PREFIX)) {
            if (ScratchNames.stale(name, now)) {
                spaces.drop(live, name);
            }
        }
        String name = ScratchNames.next(now);
        return OnInterrupt.guard(
                () -> {
                    try (Database own = Database.open(
                            live.config().withPool(PoolSettings.defaults().withMaxSize(1)))) {
                        spaces.drop(own, name);
                    }
                },
                () -> spaces.create(live, name));
    }

    /** A space whose database is {@code database}, removed by {@code remove} after the database closes. */
    static ScratchSpace of(Database database, Runnable remove) {
        return new ScratchSpace() {
            @Override
            public Database database() {
                return database;
            }

            @Override
            public void close() {
                database.close();
                remove.run();
            }
        };
    }

    /** The first column of {@code sql}, run with {@code prefix}'s LIKE pattern as its one parameter. */
    static List<String> names(Database live, String sql, String prefix) {
        List<String> names = new ArrayList<>();
        try (Connection c = live.connection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, prefix.replace("_", "\\_") + "%");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw SqlErrors.statement(live.dialect(), "Looking for scratch spaces left by interrupted runs", e);
        }
        return names;
    }
}
