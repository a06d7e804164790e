package dev.flowbase.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.flowbase.db.Database;
import dev.flowbase.engine.Engine;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.queue.Lease;
import dev.flowbase.queue.Queue;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import dev.flowbase.testing.TestEngines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backup create --native}: the engine's own tool writes the dump, the manifest beside it
 * carries the counts and checksums; the dump restores into the same engine only, and a changed or
 * shortened dump is named by verify and refused by restore.
 */
class BackupNativeTest {
    @TempDir
    Path dir;

    private NativeManifest dump(Database source, String name) {
        return Backups.createNative(source, dir.resolve(name), InstantSource.system(), BackupProgress.NONE);
    }

    private static RestoreReport restore(Path file, Database target) {
        return Backups.restore(file, target, new RestoreOptions(null, false, null), BackupProgress.NONE);
    }

    @EngineTest
    void aNativeDumpRestoresIntoTheSameEngineWithTheSameRowsAndAWaitingTaskStaysClaimable(Database source)
            throws IOException {
        UUID waiting = BackupFixtures.fill(source);
        Path file =
                dir.resolve("native" + NativeBackup.forEngine(source.engine()).suffix());
        NativeManifest manifest = Backups.createNative(source, file, InstantSource.system(), BackupProgress.NONE);

        assertThat(manifest.source().engine()).isEqualTo(source.engine().id());
        assertThat(manifest.dump().bytes()).isEqualTo(Files.size(file));
        assertThat(NativeManifest.beside(file)).exists();
        assertThat(manifest.tables())
                .filteredOn(t -> t.name().equals("workflows"))
                .singleElement()
                .satisfies(t -> assertThat(t.rows()).isEqualTo(2));
        assertThat(Backups.verifyNative(file, BackupProgress.NONE).archiveId()).isEqualTo(manifest.archiveId());
        assertThat(Backups.isNative(file)).isTrue();

        try (TestDatabase target = TestDatabase.create(source.engine())) {
            Database db = target.open();
            RestoreReport report = restore(NativeManifest.beside(file), db);

            assertThat(report.rows()).containsEntry("workflows", 2L).containsEntry("tasks", 2L);
            assertThat(report.rows())
                    .containsAllEntriesOf(manifest.tables().stream()
                            .collect(Collectors.toMap(NativeManifest.Table::name, NativeManifest.Table::rows)));
            List<Lease> claimed = Queue.create(db).claim(BackupFixtures.QUEUE, 10, "worker-2", Duration.ofMinutes(1));
            assertThat(claimed).extracting(Lease::taskId).containsExactly(waiting);
        }
    }

    @EngineTest
    void aNativeDumpIsRefusedByAnotherEngineNamingBoth(Database source) {
        BackupFixtures.fill(source);
        Path file = dir.resolve("native.dump");
        dump(source, "native.dump");

        for (Engine engine : TestEngines.selected()) {
            if (engine == source.engine()) {
                continue;
            }
            try (TestDatabase target = TestDatabase.create(engine)) {
                FlowbaseException e = catchThrowableOfType(FlowbaseException.class, () -> restore(file, target.open()));

                assertThat(e.code()).isEqualTo(ErrorCode.REFUSED);
                assertThat(e.getMessage())
                        .contains("dump of a " + source.engine().id() + " database")
                        .contains("is " + engine.id())
                        .contains("portable backup");
            }
        }
    }

    @EngineTest
    void verifyNamesAFlippedByteAndATruncatedDumpAndRestoreRefusesThem(Database source) throws Exception {
        BackupFixtures.fill(source);
        Path file = dir.resolve("native.dump");
        NativeManifest manifest = dump(source, "native.dump");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);

        FlowbaseException flipped =
                catchThrowableOfType(FlowbaseException.class, () -> Backups.verifyNative(file, BackupProgress.NONE));
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 100));
        FlowbaseException truncated =
                catchThrowableOfType(FlowbaseException.class, () -> Backups.verifyNative(file, BackupProgress.NONE));

        assertThat(flipped.code()).isEqualTo(ErrorCode.ARCHIVE_INVALID);
        long piece = (bytes.length / 2) / NativeChecksums.CHUNK;
        assertThat(flipped.getMessage())
                .contains("bytes " + piece * NativeChecksums.CHUNK + "–")
                .contains("fail their SHA-256 check");
        assertThat(truncated.getMessage())
                .contains("is truncated: it holds " + (manifest.dump().bytes() - 100) + " bytes");
        try (TestDatabase target = TestDatabase.create(source.engine())) {
            Database db = target.open();
            FlowbaseException refused = catchThrowableOfType(FlowbaseException.class, () -> restore(file, db));
            assertThat(refused.getMessage()).contains("is truncated");
            try (var c = db.connection()) {
                assertThat(NativeTool.tables(c)).isEmpty();
            }
        }
    }
}
