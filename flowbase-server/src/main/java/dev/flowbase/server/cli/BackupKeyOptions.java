package dev.flowbase.server.cli;

import dev.flowbase.backup.BackupKey;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where the backup key comes from: {@code --key-file}, else the environment variable {@code --key-env} names. */
final class BackupKeyOptions {
    @Option(
            names = "--key-file",
            paramLabel = "FILE",
            description = "File holding the backup key (base64 of 32 bytes).")
    Path keyFile;

    @Option(
            names = "--key-env",
            paramLabel = "NAME",
            defaultValue = BackupKey.DEFAULT_ENV,
            description = "Environment variable holding the backup key (default: ${DEFAULT-VALUE}).")
    String keyEnv;

    /** The key, which must be given. */
    BackupKey required(Map<String, String> environment) {
        return keyFile != null ? BackupKey.fromFile(keyFile) : BackupKey.fromEnvironment(environment, keyEnv);
    }

    /** The key when one is given, else null (an archive that is not encrypted needs none). */
    BackupKey optional(Map<String, String> environment) {
        if (keyFile != null) {
            return BackupKey.fromFile(keyFile);
        }
        String value = environment.get(keyEnv);
        return value == null || value.isBlank() ? null : BackupKey.fromEnvironment(environment, keyEnv);
    }
}
