package dev.flowbase.server.cli;

import dev.flowbase.Flowbase;
import dev.flowbase.db.Database;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.security.MasterKey;
import dev.flowbase.security.SecretBox;
import dev.flowbase.store.Actor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The master key's commands: make one, and move every sensitive value to a new one. */
final class ConfigKeyCommands {
    private ConfigKeyCommands() {}

    @Command(
            name = "generate-key",
            description = "Write a new master key to a file readable by its owner only, and print its fingerprint.")
    static final class GenerateKey extends BaseCommand {
        @Option(names = "--out", paramLabel = "FILE", required = true, description = "The key file to create.")
        Path out;

        @Override
        public Integer call() {
            MasterKey key = MasterKey.generate();
            try {
                Files.createFile(
                        out, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(out, key.toBase64() + "\n", StandardCharsets.US_ASCII, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new FlowbaseException(
                        ErrorCode.INVALID_ARGUMENT,
                        "--out=" + out + ": cannot create it (" + e.getClass().getSimpleName()
                                + "); expected a new file in a writable folder");
            }
            if (json()) {
                Output.json(out(), Map.of("file", out.toString(), "keyFingerprint", key.fingerprint()));
            } else {
                out().println("Wrote master key " + key.fingerprint() + " to " + out
                        + " (owner-only). Point security.master_key_file or FLOWBASE_MASTER_KEY_FILE at it.");
            }
            return 0;
        }
    }

    @Command(
            name = "rotate-key",
            description = "Re-encrypt every sensitive configuration under a new master key, in one transaction."
                    + " The current key comes from the configuration; a wrong one changes nothing.")
    static final class RotateKey extends BaseCommand {
        @Option(
                names = "--new-key-file",
                paramLabel = "FILE",
                required = true,
                description = "The new key (owner-only file, as written by 'config generate-key').")
        Path newKeyFile;

        @Override
        public Integer call() {
            SecretBox next = new SecretBox(MasterKey.read(newKeyFile));
            String actor = "cli:" + System.getProperty("user.name", "unknown");
            int rotated;
            try (Database db = Database.open(config().database())) {
                rotated = Flowbase.stores(db, config())
                        .as(Actor.system(actor))
                        .configurations()
                        .rotateKey(next);
            }
            if (json()) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("reencrypted", rotated);
                doc.put("keyFingerprint", next.keyFingerprint());
                Output.json(out(), doc);
            } else {
                out().println("Re-encrypted " + rotated + " sensitive value(s) under master key "
                        + next.keyFingerprint() + ". Point FLOWBASE_MASTER_KEY or security.master_key_file at the new"
                        + " key now: the old one no longer opens them.");
            }
            return 0;
        }
    }
}
