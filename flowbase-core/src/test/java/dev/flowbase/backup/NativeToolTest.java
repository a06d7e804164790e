package dev.flowbase.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How an engine's tool is found and run: a missing one named, passwords only in an owner-only file. */
class NativeToolTest {

    @Test
    void aToolMissingFromPathIsNamedWithWhatToInstallAndTheWayOut() {
        FlowbaseException e = catchThrowableOfType(
                FlowbaseException.class, () -> NativeTool.find("pg_dump_that_is_not_here", "the client tools"));

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
        assertThat(e.getMessage())
                .contains("pg_dump_that_is_not_here was not found on PATH (")
                .contains("install the client tools")
                .contains("without --native");
    }

    @Test
    void aPasswordFileIsReadableByItsOwnerOnlyAndGoneWhenDeleted() throws Exception {
        Path file = NativeTool.secretFile("[client]\npassword=\"s3cret\"\n");
        try {
            assertThat(Files.getPosixFilePermissions(file))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(Files.readString(file)).contains("s3cret");
        } finally {
            NativeTool.deleteQuietly(file);
        }
        assertThat(file).doesNotExist();
    }

    @Test
    void aFailingToolIsNamedWithItsStatusAndTheEndOfItsErrors() {
        NativeTool sh = NativeTool.find("sh", "a shell");

        FlowbaseException e = catchThrowableOfType(
                FlowbaseException.class,
                () -> sh.run(
                        List.of("-c", "echo first >&2; echo \"$WHY\" >&2; exit 3"),
                        Map.of("WHY", "the reason"),
                        null,
                        null));

        assertThat(e.getMessage()).contains("sh failed (exit status 3)").contains("first / the reason");
    }
}
