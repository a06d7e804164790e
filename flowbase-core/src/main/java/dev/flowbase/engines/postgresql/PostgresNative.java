package dev.flowbase.engines.postgresql;

import dev.flowbase.backup.NativeBackup;
import dev.flowbase.backup.NativeTool;
import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.db.Database;
import dev.flowbase.db.StatementLimit;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL's native backups: {@code pg_dump -Fc} reads the snapshot this class exports from a
 * {@code REPEATABLE READ} transaction in which it also counts the rows, so the manifest's counts are
 * those of the dump; {@code pg_restore --single-transaction} loads it all or nothing. The password
 * goes to the tools in a password file of the owner's only ({@code PGPASSFILE}), never as an argument.
 */
final class PostgresNative implements NativeBackup {
    private static final String PACKAGE =
            "the PostgreSQL client tools (Debian: postgresql-client), of the server's" + " major version or newer";

    @Override
    public String format() {
        return "pg_dump -Fc";
    }

    @Override
    public String suffix() {
        return ".pgdump";
    }

    @Override
    public Dumped dump(Database db, List<String> tables, Path out) throws SQLException {
        NativeTool pgDump = NativeTool.find("pg_dump", PACKAGE);
        try (Connection c = db.connection()) {
            StatementLimit limit = db.dialect().liftStatementLimit(c);
            c.setAutoCommit(false);
            try {
                String snapshot;
                try (Statement s = c.createStatement()) {
                    s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                    try (ResultSet rs = s.executeQuery("SELECT pg_export_snapshot()")) {
                        rs.next();
                        snapshot = rs.getString(1);
                    }
                }
                Map<String, Long> rows = NativeTool.count(c, db.dialect(), tables);
                List<String> args =
                        new ArrayList<>(List.of("--format=custom", "--file=" + out, "--snapshot=" + snapshot));
                // The exporting transaction stays open until pg_dump has read everything in its snapshot.
                run(pgDump, db.config(), args, null);
                return new Dumped(pgDump.version(), rows);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
                limit.restore();
            }
        }
    }

    @Override
    public void restore(Database target, Path file) {
        NativeTool pgRestore = NativeTool.find("pg_restore", PACKAGE);
        run(
                pgRestore,
                target.config(),
                new ArrayList<>(List.of("--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges")),
                file);
    }

    private static void run(NativeTool tool, DatabaseConfig db, List<String> args, Path input) {
        DatabaseConfig config = db.direct().orElse(db); // a dump or restore is one long session: not through a pooler
        args.addAll(List.of(
                "--no-password",
                "--host=" + config.host(),
                "--port=" + config.port(),
                "--username=" + config.user(),
                "--dbname=" + config.database()));
        if (input != null) {
            args.add(input.toString());
        }
        Map<String, String> env = new HashMap<>();
        env.put("PGSSLMODE", config.sslMode().text());
        config.sslCa().ifPresent(ca -> env.put("PGSSLROOTCERT", ca.toString()));
        Path passwords = config.password().isEmpty()
                ? null
                : NativeTool.secretFile("*:*:*:*:" + escape(config.password().value()) + "\n");
        try {
            env.put("PGPASSFILE", passwords == null ? "/dev/null" : passwords.toString());
            tool.run(args, env, null, null);
        } finally {
            NativeTool.deleteQuietly(passwords);
        }
    }

    /** libpq's password file separates fields with {@code :} and escapes with a backslash. */
    private static String escape(String password) {
        return password.replace("\\", "\\\\").replace(":", "\\:");
    }
}
