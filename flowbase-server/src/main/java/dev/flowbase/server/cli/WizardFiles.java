package dev.flowbase.server.cli;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes what the wizard decided, once every question is answered: the password file first, then
 * flowbase.yml. Each is written owner-only (mode 600) to a temporary file beside it and moved into
 * place, so no other user can read the password at any moment and no half-written file is left.
 */
final class WizardFiles {
    private WizardFiles() {}

    static void write(WizardAnswers answers, Path configFile) {
        if (answers.passwordFile() != null) {
            ownerOnly(answers.passwordFile(), answers.database().password().value() + "\n");
        }
        ownerOnly(configFile, answers.yaml());
    }

    private static void ownerOnly(Path file, String text) {
        Path target = file.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(
                    target.getParent(),
                    "." + target.getFileName(),
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.writeString(temporary, text, StandardCharsets.UTF_8);
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new FlowbaseException(
                    ErrorCode.REFUSED, "could not write " + target + " (" + e.getMessage() + ")", e);
        }
    }
}
