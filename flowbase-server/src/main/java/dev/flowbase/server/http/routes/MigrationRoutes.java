package dev.flowbase.server.http.routes;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.error.InvalidFieldException;
import dev.flowbase.migrate.MigrateRequest;
import dev.flowbase.migrate.MigrateResult;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.migrate.RepairResult;
import dev.flowbase.migrate.RollbackResult;
import dev.flowbase.migrate.Run;
import dev.flowbase.migrate.StatusReport;
import dev.flowbase.migrate.ValidateResult;
import dev.flowbase.migrate.Version;
import dev.flowbase.seed.InstalledEnvironment;
import dev.flowbase.seed.SeedReport;
import dev.flowbase.seed.Seeder;
import dev.flowbase.server.http.Access;
import dev.flowbase.server.http.Call;
import dev.flowbase.server.http.RouteGroup;
import dev.flowbase.server.http.Router;
import java.util.Map;

/**
 * The migration engine over HTTP, as the CLI's {@code migrate} commands: status, the SQL that would
 * run, apply, roll back, validate, repair. Changes need an admin key of the installation's
 * organization (the schema is every organization's) and are audited; a rollback
 * of a production database also needs {@code "confirm": true}, as the CLI needs {@code --confirm}.
 */
public final class MigrationRoutes implements RouteGroup {
    /** Migrate up to {@code target} (all pending when absent). */
    public record Apply(String target) {}

    /** Undo every version above {@code to}. */
    public record Rollback(String to, Boolean dryRun, Boolean confirm) {}

    @Override
    public void register(Router r) {
        r.group("migrations");
        r.get("/api/migrations", Access.VIEWER, call -> migrator(call).status())
                .summary("Every migration with its state, date, duration and checksum")
                .returns(StatusReport.class);
        r.get(
                        "/api/migrations/pending",
                        Access.VIEWER,
                        call -> migrator(call).migrate(MigrateRequest.all().with(Run.DRY_RUN)))
                .summary("Dry run: the statements the pending migrations would run, nothing changed")
                .returns(MigrateResult.class);
        r.post("/api/migrations/apply", Access.INSTALLATION_ADMIN, this::apply)
                .summary("Apply the pending migrations (under the migration lock)")
                .accepts(Apply.class)
                .returns(MigrateResult.class);
        r.post("/api/migrations/rollback", Access.INSTALLATION_ADMIN, this::rollback)
                .summary("Undo the versions above a version (dryRun shows the statements)")
                .accepts(Rollback.class)
                .returns(RollbackResult.class);
        r.get("/api/migrations/validate", Access.VIEWER, call -> migrator(call).validate())
                .summary("Check applied migrations against the scripts: changed, missing or failed ones")
                .returns(ValidateResult.class);
        r.post("/api/migrations/repair", Access.INSTALLATION_ADMIN, this::repair)
                .summary("Remove failed entries and realign checksums with the scripts")
                .returns(RepairResult.class);
        r.post("/api/seeds/run", Access.INSTALLATION_ADMIN, this::seed)
                .summary("Insert the missing seed rows of the server's environment, as flowbase seed run does")
                .returns(SeedReport.class);
    }

    private static Migrator migrator(Call call) {
        return call.services().migrator();
    }

    private Object apply(Call call) {
        Apply b = call.bodyOr(Apply.class, new Apply(null));
        Version target = b.target() == null ? null : version("target", b.target());
        MigrateResult result = migrator(call).migrate(MigrateRequest.upTo(target));
        audit(call, "migration.apply", result.executed().size());
        return result;
    }

    private Object rollback(Call call) {
        Rollback b = call.body(Rollback.class);
        if (b.to() == null) {
            throw new InvalidFieldException("to", "null", "the version to roll back to, such as 1 (0 undoes all)");
        }
        boolean dryRun = Boolean.TRUE.equals(b.dryRun());
        var db = call.services().database();
        if (!dryRun
                && !Boolean.TRUE.equals(b.confirm())
                && InstalledEnvironment.isProduction(
                        db, call.services().config().environment())) {
            throw new FlowbaseException(
                    ErrorCode.REFUSED,
                    "rollback undoes migrations of a production database: preview it with \"dryRun\": true, then"
                            + " send it again with \"confirm\": true");
        }
        RollbackResult result = migrator(call).rollbackTo(version("to", b.to()), dryRun ? Run.DRY_RUN : Run.APPLY);
        if (!dryRun) {
            audit(call, "migration.rollback", result.undone().size());
        }
        return result;
    }

    private Object repair(Call call) {
        RepairResult result = migrator(call).repair();
        audit(call, "migration.repair", result.changes().size());
        return result;
    }

    private Object seed(Call call) {
        var services = call.services();
        SeedReport report = new Seeder(services.database(), services.stores().clock())
                .run(services.config().environment());
        audit(call, "seed.run", report.totalInserted(), "rows");
        return report;
    }

    private static Version version(String field, String text) {
        try {
            return Version.parse(text);
        } catch (RuntimeException e) {
            throw new InvalidFieldException(field, "'" + text + "'", "a version such as 1 or 2.1");
        }
    }

    /** Migrations change the installation, not a row: the audit row names the count, after the change. */
    private static void audit(Call call, String action, int count) {
        audit(call, action, count, "scripts");
    }

    private static void audit(Call call, String action, int count, String counted) {
        call.stores()
                .audit()
                .record(call.organization(), action, "schema", "flowbase_schema_history", null, Map.of(counted, count));
    }
}
