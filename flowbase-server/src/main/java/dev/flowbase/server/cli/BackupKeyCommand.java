package dev.flowbase.server.cli;

import dev.flowbase.backup.BackupKey;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "key",
        description =
                "Make a new backup key (base64 of 32 random bytes) and write it to a file readable by its owner only.")
final class BackupKeyCommand extends BaseCommand {
    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Key file to write; must not exist.")
    Path out;

    @Override
    public Integer call() {
        BackupKey key = BackupKey.generate();
        try {
            Files.createFile(out, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(out, key.encoded() + "\n");
        } catch (IOException e) {
            throw new FlowbaseException(ErrorCode.INVALID_ARGUMENT, "cannot write the key file " + out + ": " + e);
        }
        if (json()) {
            Output.json(out(), Map.of("file", out.toString(), "keyId", key.id()));
        } else {
            out().println("Wrote a new backup key to " + out + " (key id " + key.id()
                    + "); keep a copy apart from the backups: without it they cannot be restored");
        }
        return 0;
    }
}
