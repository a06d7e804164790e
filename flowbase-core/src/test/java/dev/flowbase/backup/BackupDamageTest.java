package dev.flowbase.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.flowbase.db.Database;
import dev.flowbase.engine.Engine;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.schema.SchemaValidator;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged archive is named for what is wrong with it (the chunk, the field, the key) and never
 * touches the target: a blank target is left without even a schema, a full one keeps its rows.
 */
class BackupDamageTest {
    @TempDir
    Path dir;

    /** An archive of a small SQLite database, with the options given. */
    private Path archive(String name, BackupOptions options) {
        try (TestDatabase source = TestDatabase.create(Engine.SQLITE)) {
            Database db = source.open();
            BackupFixtures.fill(db);
            Path file = dir.resolve(name);
            BackupFixtures.backup(db, file, options);
            return file;
        }
    }

    private static final BackupOptions PLAIN = new BackupOptions(Compression.NONE, null);

    private FlowbaseException restoreFails(Path file, Database target, BackupKey key) {
        return catchThrowableOfType(
                FlowbaseException.class,
                () -> Backups.restore(file, target, new RestoreOptions(key, false, null), BackupProgress.NONE));
    }

    private static void assertUntouched(Database target) {
        assertThat(SchemaValidator.flowbase().appliedVersion(target))
                .as("migrations applied")
                .isEmpty();
    }

    @EngineTest
    void aFlippedByteInAChunkIsNamedAndTheTargetIsUntouched(Database target) throws IOException {
        Path file = archive("flipped.fbk", PLAIN);
        byte[] bytes = Files.readAllBytes(file);
        int row = indexOf(bytes, "acme".getBytes(StandardCharsets.UTF_8));
        bytes[row] = 'A';
        Files.write(file, bytes);

        FlowbaseException e = restoreFails(file, target, null);

        assertThat(e.code()).isEqualTo(ErrorCode.ARCHIVE_INVALID);
        assertThat(e.getMessage()).contains("chunk 0 of table organizations fails its SHA-256 check");
        assertUntouched(target);
    }

    @EngineTest
    void aTruncatedArchiveIsNamedAndTheTargetIsUntouched(Database target) throws IOException {
        Path file = archive("truncated.fbk", BackupOptions.DEFAULT);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length * 2 / 3));

        FlowbaseException e = restoreFails(file, target, null);

        assertThat(e.code()).isEqualTo(ErrorCode.ARCHIVE_INVALID);
        assertThat(e.getMessage()).contains("truncated");
        assertUntouched(target);
    }

    @EngineTest
    void aWrongKeyAndATamperedEncryptedArchiveAreNamedAndTheTargetIsUntouched(Database target) throws IOException {
        BackupKey key = BackupKey.generate();
        Path file = archive("sealed.fbk", new BackupOptions(Compression.ZSTD, key));

        FlowbaseException wrongKey = restoreFails(file, target, BackupKey.generate());
        FlowbaseException noKey = restoreFails(file, target, null);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 40] ^= 1;
        Files.write(file, bytes);
        FlowbaseException flipped = restoreFails(file, target, key);

        assertThat(wrongKey.getMessage()).contains("wrong key").contains(key.id());
        assertThat(noKey.getMessage()).contains("is encrypted (key id " + key.id() + ")");
        assertThat(flipped.getMessage()).contains("failed authentication");
        assertUntouched(target);
    }

    @Test
    void anArchiveOfANewerFormatIsNamed() throws IOException {
        Path file = archive("newer.fbk", PLAIN);
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        Files.write(file, text.replaceFirst("\"format\":1,", "\"format\":2,").getBytes(StandardCharsets.ISO_8859_1));

        FlowbaseException e =
                catchThrowableOfType(FlowbaseException.class, () -> Backups.verify(file, null, BackupProgress.NONE));

        assertThat(e.getMessage()).contains("has archive format 2; this Flowbase reads format 1");
    }

    @Test
    void aManifestFromAnotherArchiveIsNamed() throws IOException {
        Path first = archive("first.fbk", PLAIN);
        Path second = archive("second.fbk", PLAIN);
        byte[] a = Files.readAllBytes(first);
        byte[] b = Files.readAllBytes(second);
        ByteArrayOutputStream spliced = new ByteArrayOutputStream();
        spliced.write(a, 0, manifestFrame(a));
        spliced.write(b, manifestFrame(b), b.length - manifestFrame(b));
        Files.write(first, spliced.toByteArray());

        FlowbaseException e =
                catchThrowableOfType(FlowbaseException.class, () -> Backups.verify(first, null, BackupProgress.NONE));

        assertThat(e.getMessage()).contains("manifest's").contains("another archive");
    }

    @EngineTest
    void aTargetHoldingFlowbaseDataIsRefusedAndKeepsItsRows(Database target) {
        Path file = archive("full.fbk", BackupOptions.DEFAULT);
        BackupFixtures.fill(target);
        Manifest before = BackupFixtures.backup(target, dir.resolve("before.fbk"), PLAIN);

        FlowbaseException e = restoreFails(file, target, null);

        assertThat(e.code()).isEqualTo(ErrorCode.REFUSED);
        assertThat(e.getMessage()).contains("already holds Flowbase data").contains("--replace");
        Manifest after = BackupFixtures.backup(target, dir.resolve("after.fbk"), PLAIN);
        assertThat(BackupFixtures.hashes(after)).isEqualTo(BackupFixtures.hashes(before));
    }

    /** The offset of the M frame in an archive written without compression or encryption. */
    private static int manifestFrame(byte[] archive) {
        int at = indexOf(archive, "\n".getBytes(StandardCharsets.US_ASCII)) + 1; // after the magic
        at = indexOf(Arrays.copyOfRange(archive, at, archive.length), new byte[] {'\n'}) + at + 1; // after the header
        while (archive[at] != 'M') {
            at += 5 + ByteBuffer.wrap(archive, at + 1, 4).getInt();
        }
        return at;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
