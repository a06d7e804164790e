package dev.flowbase.server.http;

import dev.flowbase.Flowbase;
import dev.flowbase.db.Database;
import dev.flowbase.error.FlowbaseException;
import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /health}: up when the database answers, with the engine and versions. */
final class HealthRoutes {
    private final Database database;

    HealthRoutes(Database database) {
        this.database = database;
    }

    void health(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean up = databaseAnswers();
        body.put("status", up ? "ok" : "unavailable");
        body.put("engine", database.engine().id());
        body.put("serverVersion", database.facts().version());
        body.put("version", Flowbase.version());
        ctx.status(up ? 200 : 503).json(body);
    }

    private boolean databaseAnswers() {
        try (Connection c = database.connection()) {
            return c.isValid(2);
        } catch (SQLException | FlowbaseException e) {
            return false;
        }
    }
}
