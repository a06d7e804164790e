package dev.flowbase.backup;

import dev.flowbase.db.BulkLoader;
import dev.flowbase.db.Database;
import dev.flowbase.db.SqlErrors;
import dev.flowbase.db.StatementLimit;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.migrate.MigrateRequest;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.migrate.Version;
import dev.flowbase.schema.SchemaDifference;
import dev.flowbase.schema.SchemaValidator;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Restores an archive into a database of any engine. The archive is read through once to verify it
 * before the target is touched; the target is then migrated to the archive's schema version, and every
 * row is loaded, sequences set, and each table's count and hash compared with the manifest, all in one
 * transaction that commits only when everything matched. docs/backup.md says what a killed restore
 * leaves on each engine.
 */
final class Restorer {
    private final Database target;
    private final BackupProgress progress;

    Restorer(Database target, BackupProgress progress) {
        this.target = target;
        this.progress = progress;
    }

    RestoreReport restore(Path file, RestoreOptions options) {
        progress.phase("verify", -1);
        Manifest manifest;
        try (ArchiveReader reader = ArchiveReader.open(file, options.key())) {
            manifest = reader.withoutTableHashes().read((t, r) -> {}, progress);
        }
        Version version = Version.parse(manifest.schemaVersion());
        SchemaValidator validator = SchemaValidator.flowbase();
        Optional<Version> current = validator.appliedVersion(target);
        String where = target.config().describeTarget();
        if (current.isPresent() && current.get().compareTo(version) > 0) {
            throw new FlowbaseException(
                    ErrorCode.REFUSED,
                    where + " is at schema version " + current.get() + ", newer than the archive's " + version
                            + ": restore into an empty database (it is migrated to the archive's version)");
        }
        List<String> tables =
                manifest.tables().stream().map(Manifest.Table::name).toList();
        Optional<String> withRows = current.isPresent() ? firstWithRows(tables) : Optional.empty();
        if (withRows.isPresent()) {
            if (!options.replace()) {
                throw new FlowbaseException(
                        ErrorCode.REFUSED,
                        where + " already holds Flowbase data (" + withRows.get() + " has rows): restore into an"
                                + " empty database, or pass --replace to delete its Flowbase rows first");
            }
            options.replaceGuard().accept(target);
        }
        Migrator.configure().database(target).load().migrate(MigrateRequest.upTo(version));
        List<String> drift = validator.validate(target).differences().stream()
                .filter(d -> d.kind() != SchemaDifference.Kind.EXTRA_TABLE)
                .map(SchemaDifference::describe)
                .toList();
        if (!drift.isEmpty()) {
            throw new FlowbaseException(
                    ErrorCode.VALIDATION_FAILED,
                    where + " differs from its migrations at version " + version + " ("
                            + drift.stream().limit(3).collect(Collectors.joining("; ")) + "): nothing was restored");
        }
        UserTables.create(target, manifest);
        Map<String, Long> rows = load(file, options, manifest, withRows.isPresent());
        return new RestoreReport(
                manifest, where, current.map(Version::toString).orElse("none"), withRows.isPresent(), rows);
    }

    private Map<String, Long> load(Path file, RestoreOptions options, Manifest manifest, boolean replace) {
        BackupSql sql = BackupSql.forEngine(target.engine());
        BulkLoader loader = target.dialect().bulkLoader();
        List<String> tables =
                manifest.tables().stream().map(Manifest.Table::name).toList();
        try (Connection c = target.connection()) {
            StatementLimit limit = target.dialect().liftStatementLimit(c);
            c.setAutoCommit(false);
            try {
                checkColumns(c, sql, manifest);
                if (replace) {
                    sql.clear(c, target.dialect(), tables);
                }
                BackupSql.Rebuild indexes = sql.deferIndexes(c, tables);
                progress.phase("restore", manifest.totalRows());
                try (ArchiveReader reader = ArchiveReader.open(file, options.key())) {
                    reader.withoutTableHashes().read(new Batches(c, loader, sql.loadBatchRows()), progress);
                }
                indexes.run();
                sql.resetSequences(c, tables);
                Map<String, Long> rows = check(c, sql, manifest);
                c.commit();
                progress.finished();
                return rows;
            } catch (SqlFailure e) {
                c.rollback();
                throw SqlErrors.statement(target.dialect(), "Loading the archive's rows (rolled back)", e.sql());
            } catch (RuntimeException | SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
                limit.restore();
            }
        } catch (SQLException e) {
            throw SqlErrors.statement(target.dialect(), "Restoring a backup (nothing was committed)", e);
        }
    }

    private void checkColumns(Connection c, BackupSql sql, Manifest manifest) throws SQLException {
        for (Manifest.Table t : manifest.tables()) {
            Map<String, ColumnKind> want = new LinkedHashMap<>();
            t.columns().forEach(col -> want.put(col.name(), col.kind()));
            Map<String, ColumnKind> have =
                    t.user() == null ? sql.columnKinds(c, t.name()) : UserTables.kinds(c, sql, t.name());
            if (!want.equals(have)) {
                throw new FlowbaseException(
                        ErrorCode.VALIDATION_FAILED,
                        "table " + t.name() + " of the target has columns " + have + ", the archive " + want
                                + ": nothing was restored");
            }
        }
    }

    /** Reads every restored table back in the transaction and compares it with the manifest. */
    private Map<String, Long> check(Connection c, BackupSql sql, Manifest manifest) throws SQLException {
        progress.phase("check", manifest.totalRows());
        Map<String, Long> rows = new LinkedHashMap<>();
        long done = 0;
        for (Manifest.Table t : manifest.tables()) {
            TableHash hash = new TableHash(t.columns());
            try {
                TableScan.scan(c, sql, target.dialect(), t.spec(), List.of(), hash::add);
            } catch (IOException e) {
                throw new IllegalStateException("hashing writes to memory only", e);
            }
            if (hash.rows() != t.rows() || !hash.hex().equals(t.sha256())) {
                throw new FlowbaseException(
                        ErrorCode.VALIDATION_FAILED,
                        "table " + t.name() + " read back " + hash.rows() + " rows with hash " + hash.hex()
                                + ", the manifest says " + t.rows() + " rows with " + t.sha256()
                                + ": the restore was rolled back");
            }
            rows.put(t.name(), hash.rows());
            done += hash.rows();
            progress.advanced(t.name(), done, 0);
        }
        return rows;
    }

    private Optional<String> firstWithRows(List<String> tables) {
        try (Connection c = target.connection();
                Statement s = c.createStatement()) {
            List<String> existing = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    existing.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
            for (String t : tables) {
                if (!existing.contains(t)) {
                    continue;
                }
                try (ResultSet rs =
                        s.executeQuery("SELECT 1 FROM " + target.dialect().quoteIdentifier(t) + " LIMIT 1")) {
                    if (rs.next()) {
                        return Optional.of(t);
                    }
                }
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw SqlErrors.statement(target.dialect(), "Looking for Flowbase data in the restore target", e);
        }
    }

    /** Collects rows of one table into batches for the engine's bulk loader. */
    private static final class Batches implements ArchiveReader.RowSink {
        private final Connection c;
        private final BulkLoader loader;
        private final int size;
        private final List<Object[]> batch = new ArrayList<>();

        Batches(Connection c, BulkLoader loader, int size) {
            this.c = c;
            this.loader = loader;
            this.size = size;
        }

        @Override
        public void row(TableSpec table, Object[] row) throws IOException {
            batch.add(row);
            if (batch.size() >= size) {
                tableDone(table);
            }
        }

        @Override
        public void tableDone(TableSpec table) throws IOException {
            if (batch.isEmpty()) {
                return;
            }
            try {
                loader.load(c, table.name(), table.columnNames(), batch);
            } catch (SQLException e) {
                throw new SqlFailure(e);
            }
            batch.clear();
        }
    }

    /** Carries a loading failure out through the reader, which knows only I/O failures. */
    private static final class SqlFailure extends RuntimeException {
        private final SQLException sql;

        SqlFailure(SQLException cause) {
            super(cause);
            this.sql = cause;
        }

        SQLException sql() {
            return sql;
        }
    }
}
