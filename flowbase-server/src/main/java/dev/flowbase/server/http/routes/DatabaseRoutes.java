package dev.flowbase.server.http.routes;

import dev.flowbase.Flowbase;
import dev.flowbase.db.ConnectionCheck;
import dev.flowbase.db.DatabaseStatistics;
import dev.flowbase.schema.SchemaDifference;
import dev.flowbase.schema.SchemaReport;
import dev.flowbase.schema.SchemaValidator;
import dev.flowbase.server.http.Access;
import dev.flowbase.server.http.Body;
import dev.flowbase.server.http.Call;
import dev.flowbase.server.http.RouteGroup;
import dev.flowbase.server.http.Router;
import dev.flowbase.status.Alert;
import dev.flowbase.status.Report;
import dev.flowbase.status.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The database as the seeds' plans name it: connection test, status, statistics, schema
 * validation. Answers name the engine and its version, never a host or user.
 */
public final class DatabaseRoutes implements RouteGroup {
    /** A fresh connection's facts: the server's version, TLS, and the median round trip. */
    public record ConnectionTest(String provider, String serverVersion, boolean tls, double roundTripMs) {}

    /** {@code flowbase status} as JSON, with the server's uptime and Flowbase's version. */
    public record DatabaseStatus(Report report, long uptimeSeconds, String flowbaseVersion) {}

    /** Whether the live schema is the one the applied migrations built, and every difference. */
    public record SchemaCheck(boolean matches, String engine, String version, List<SchemaDifference> differences) {
        static SchemaCheck of(SchemaReport r) {
            return new SchemaCheck(r.matches(), r.engine(), r.version(), r.differences());
        }
    }

    private final Instant started;
    private final Status status;
    private final Supplier<List<Alert>> alerts;

    /** {@code status}: the checks with the server's thresholds; {@code alerts}: its active alerts. */
    public DatabaseRoutes(Status status, Instant started, Supplier<List<Alert>> alerts) {
        this.started = started;
        this.status = status;
        this.alerts = alerts;
    }

    @Override
    public void register(Router r) {
        r.group("database");
        r.post("/api/database/test-connection", Access.OPERATOR, this::testConnection)
                .summary("Open a new connection with the server's settings and report it")
                .returns(ConnectionTest.class);
        r.get("/api/database/status", Access.INSTALLATION_VIEWER, this::status)
                .summary("Engine, version, migrations, pool, queues and checks: flowbase status as JSON")
                .returns(DatabaseStatus.class);
        r.get("/api/database/statistics", Access.INSTALLATION_VIEWER, this::statistics)
                .summary("Table and index sizes, row estimates, cache hit ratio, sessions, from the engine's catalogs")
                .returns(DatabaseStatistics.class);
        r.get("/api/alerts", Access.INSTALLATION_VIEWER, call -> alerts.get())
                .summary("The alerts on now: each check that is not OK, since when")
                .returns(Body.listOf(Alert.class));
        r.get("/api/schema/validate", Access.VIEWER, this::validate)
                .summary("Compare the live schema with the one the applied migrations build")
                .returns(SchemaCheck.class);
    }

    private Object testConnection(Call call) {
        ConnectionCheck.Report r = ConnectionCheck.run(call.services().config().database());
        return new ConnectionTest(
                r.provider(), r.serverVersion(), r.tls(), r.roundTrip().toNanos() / 1e6);
    }

    private Object status(Call call) {
        return new DatabaseStatus(
                status.collect(), Duration.between(started, Instant.now()).toSeconds(), Flowbase.version());
    }

    private Object statistics(Call call) {
        return call.services().database().statistics();
    }

    private Object validate(Call call) {
        return SchemaCheck.of(
                SchemaValidator.flowbase().validate(call.services().database()));
    }
}
