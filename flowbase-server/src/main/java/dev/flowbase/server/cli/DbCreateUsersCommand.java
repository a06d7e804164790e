package dev.flowbase.server.cli;

import dev.flowbase.db.Database;
import dev.flowbase.privilege.DatabaseUser;
import dev.flowbase.privilege.LeastPrivilege;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flowbase db create-users}: least-privilege database users around Flowbase's schema. */
@Command(
        name = "create-users",
        description = "Create the owner, application and read-only users (PostgreSQL, MariaDB); new"
                + " passwords are shown once.")
final class DbCreateUsersCommand extends BaseCommand {
    @Option(
            names = "--prefix",
            paramLabel = "PREFIX",
            defaultValue = LeastPrivilege.DEFAULT_PREFIX,
            description = "Users are PREFIX_owner, PREFIX_app, PREFIX_readonly (default: ${DEFAULT-VALUE}).")
    String prefix;

    @Override
    public Integer call() {
        List<DatabaseUser> users;
        String target;
        try (Database db = Database.open(config().database())) {
            target = db.config().describeTarget();
            users = LeastPrivilege.createUsers(db, prefix);
        }
        if (json()) {
            Output.json(
                    out(),
                    Map.of(
                            "target",
                            target,
                            "users",
                            users.stream().map(DbCreateUsersCommand::describe).toList()));
            return 0;
        }
        out().println("Database users for " + target + ":");
        Output.table(
                out(),
                List.of("PURPOSE", "USER", "PASSWORD", "MAY"),
                users.stream()
                        .map(u -> List.of(
                                u.purpose().label(),
                                u.name(),
                                u.password().orElse("(exists: unchanged, grants renewed)"),
                                u.purpose().grants()))
                        .toList());
        if (users.stream().anyMatch(DatabaseUser::created)) {
            out().println();
            out().println("  The new passwords will not be shown again: store them now.");
            out().println("  Migrate as the owner; serve as the app user (docs/security.md).");
        }
        return 0;
    }

    private static Map<String, Object> describe(DatabaseUser u) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("purpose", u.purpose().label());
        doc.put("user", u.name());
        doc.put("created", u.created());
        doc.put("password", u.password().orElse(null));
        return doc;
    }
}
