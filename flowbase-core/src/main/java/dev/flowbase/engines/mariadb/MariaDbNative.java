package dev.flowbase.engines.mariadb;

import dev.flowbase.backup.NativeBackup;
import dev.flowbase.backup.NativeTool;
import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.config.SslMode;
import dev.flowbase.db.Database;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * MariaDB's native backups: {@code mariadb-dump --single-transaction} reads InnoDB's consistent
 * snapshot without locking writers out, and the rows of each table are counted in the dump it wrote
 * ({@link MariaDbDumpRows}), so the manifest's counts are the dump's whatever was written meanwhile.
 * The {@code mariadb} client loads it back. The password reaches both tools in an option file only
 * the owner can read ({@code --defaults-extra-file}), never on the command line.
 */
final class MariaDbNative implements NativeBackup {
    private static final String PACKAGE = "the MariaDB client (Debian: mariadb-client)";

    @Override
    public String format() {
        return "mariadb-dump --single-transaction";
    }

    @Override
    public String suffix() {
        return ".sql";
    }

    @Override
    public Dumped dump(Database db, List<String> tables, Path out) throws IOException {
        NativeTool tool = NativeTool.find("mariadb-dump", PACKAGE);
        run(
                tool,
                db.config(),
                List.of("--single-transaction", "--triggers", "--routines", "--hex-blob", "--result-file=" + out),
                null);
        Map<String, Long> rows = MariaDbDumpRows.count(out, tables);
        return new Dumped(tool.version(), rows);
    }

    @Override
    public void restore(Database target, Path file) {
        run(NativeTool.find("mariadb", PACKAGE), target.config(), List.of("--batch"), file);
    }

    private static void run(NativeTool tool, DatabaseConfig config, List<String> options, Path input) {
        Path secrets = NativeTool.secretFile(
                "[client]\npassword=\"" + escape(config.password().value()) + "\"\n");
        try {
            List<String> args = new ArrayList<>();
            args.add("--defaults-extra-file=" + secrets); // must come first, as the tools require
            args.addAll(List.of(
                    "--protocol=TCP", "--host=" + config.host(), "--port=" + config.port(), "--user=" + config.user()));
            if (config.sslMode() == SslMode.DISABLE) {
                args.add("--skip-ssl");
            } else {
                args.add("--ssl");
                config.sslCa().ifPresent(ca -> args.add("--ssl-ca=" + ca));
            }
            args.addAll(options);
            args.add(config.database());
            tool.run(args, Map.of(), input, null);
        } finally {
            NativeTool.deleteQuietly(secrets);
        }
    }

    /** An option file's quoted value takes backslash escapes. */
    private static String escape(String password) {
        return password.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
