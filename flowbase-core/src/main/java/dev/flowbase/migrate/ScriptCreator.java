package dev.flowbase.migrate;

import dev.flowbase.engine.Engine;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes the next {@code V<n>__name.sql} and its {@code U<n>__name.sql} into every engine folder of
 * a location (or into the location itself when it has none), numbered one above the highest
 * major version found in any of them, so the engines keep the same version numbers.
 */
final class ScriptCreator {
    private ScriptCreator() {}

    static CreateResult create(String name, Path directory) {
        String clean = name.strip().replaceAll("[\\s-]+", "_");
        if (!clean.matches("\\w+")) {
            throw new FlowbaseException(
                    ErrorCode.INVALID_ARGUMENT,
                    "'" + name + "' cannot be part of a file name: use letters, digits, spaces and underscores");
        }
        List<Path> folders = Arrays.stream(Engine.values())
                .map(e -> directory.resolve(e.id()))
                .filter(Files::isDirectory)
                .toList();
        if (folders.isEmpty()) {
            folders = List.of(directory);
        }
        try {
            Files.createDirectories(directory);
            long next = 1;
            for (Path folder : folders) {
                next = Math.max(next, highestMajor(folder) + 1);
            }
            String suffix = next + "__" + clean + ".sql";
            for (Path folder : folders) {
                // Checked for every folder first, so that a refusal leaves no folder half-written.
                for (String prefix : List.of("V", "U")) {
                    if (Files.exists(folder.resolve(prefix + suffix))) {
                        throw new FlowbaseException(
                                ErrorCode.REFUSED,
                                folder.resolve(prefix + suffix) + " already exists: choose another name");
                    }
                }
            }
            List<Path> written = new ArrayList<>();
            for (Path folder : folders) {
                written.add(write(
                        folder.resolve("V" + suffix),
                        "-- " + clean + ": the statements of version " + next + ", each ending with ;\n"));
                written.add(write(
                        folder.resolve("U" + suffix),
                        "-- Undo of V" + suffix + ": reverse its statements, last one first.\n"));
            }
            return new CreateResult(String.valueOf(next), written);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write migration files in " + directory, e);
        }
    }

    private static long highestMajor(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("[VU]\\d+([._]\\d+)*__.*\\.sql"))
                    .mapToLong(n -> Long.parseLong(n.substring(1).split("[._]", 2)[0]))
                    .max()
                    .orElse(0);
        }
    }

    private static Path write(Path file, String text) throws IOException {
        return Files.writeString(file, text, StandardOpenOption.CREATE_NEW);
    }
}
