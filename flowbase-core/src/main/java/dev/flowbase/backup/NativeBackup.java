package dev.flowbase.backup;

import dev.flowbase.db.Database;
import dev.flowbase.engine.Engine;
import dev.flowbase.engine.EngineKit;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * A backup in the engine's own format ({@code backup create --native}): the engine's tool writes the
 * file, Flowbase writes the manifest beside it (docs/backup.md). One class per engine implements it,
 * in the engine's kit: how the tool is found and called, how the rows it dumped are counted in the
 * same snapshot, and how the file is loaded back into an empty database of the same engine.
 */
public interface NativeBackup {

    /** The format's name in the manifest and in messages, for example {@code pg_dump -Fc}. */
    String format();

    /** The file name ending of such a dump, for example {@code .pgdump}. */
    String suffix();

    /**
     * Writes the native dump of {@code db} to {@code out} (which does not exist) and returns the tool's
     * version and the rows of each of {@code tables} as the dump holds them.
     */
    Dumped dump(Database db, List<String> tables, Path out) throws IOException, SQLException;

    /** Loads {@code file} into {@code target}, an empty database of this engine. */
    void restore(Database target, Path file) throws IOException, SQLException;

    /** What a dump wrote: the tool's {@code --version} line and the row count of each table. */
    record Dumped(String toolVersion, Map<String, Long> rows) {
        public Dumped {
            rows = Map.copyOf(rows);
        }
    }

    static NativeBackup forEngine(Engine engine) {
        return EngineKit.of(engine).part(NativeBackup.class);
    }
}
