package dev.flowbase.migrate;

import dev.flowbase.engine.Engine;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where scripts are read from: Flowbase's own set on the classpath ({@code db/migration/<engine>/}),
 * or a user's folder. In both, a folder named for the engine is read when present, plus an
 * optional {@code common} folder for portable SQL; a user folder without engine subfolders is read
 * itself.
 */
public record MigrationLocation(Path directory) {
    static final String CLASSPATH_ROOT = "db/migration";
    static final String COMMON = "common";

    /** Flowbase's own schema, shipped in the jar. */
    public static MigrationLocation classpath() {
        return new MigrationLocation(null);
    }

    public static MigrationLocation directory(Path directory) {
        return new MigrationLocation(directory);
    }

    public boolean isClasspath() {
        return directory == null;
    }

    @Override
    public String toString() {
        return isClasspath() ? "classpath:" + CLASSPATH_ROOT : directory.toString();
    }

    /** Every migration and callback file for {@code engine}, read and named, in no particular order. */
    List<Script> read(Engine engine) {
        List<String> misnamed = new ArrayList<>();
        List<Script> scripts = isClasspath() ? readClasspath(engine, misnamed) : readDirectory(engine, misnamed);
        if (!misnamed.isEmpty()) {
            throw Script.misnamed(misnamed); // every one at once, so that one rename round is enough
        }
        return scripts;
    }

    private List<Script> readDirectory(Engine engine, List<String> misnamed) {
        if (!Files.isDirectory(directory)) {
            throw new FlowbaseException(
                    ErrorCode.INVALID_ARGUMENT,
                    "Migration location " + directory + " is not a folder: pass an existing folder to --location");
        }
        Path engineFolder = directory.resolve(engine.id());
        List<Script> scripts = new ArrayList<>();
        if (Files.isDirectory(engineFolder)) {
            scripts.addAll(readFolder(engineFolder, engineFolder.toString(), misnamed));
            Path common = directory.resolve(COMMON);
            if (Files.isDirectory(common)) {
                scripts.addAll(readFolder(common, common.toString(), misnamed));
            }
        } else {
            scripts.addAll(readFolder(directory, directory.toString(), misnamed));
        }
        return scripts;
    }

    private static List<Script> readClasspath(Engine engine, List<String> misnamed) {
        List<Script> scripts = new ArrayList<>();
        for (String folder : List.of(engine.id(), COMMON)) {
            String resource = CLASSPATH_ROOT + "/" + folder;
            URL url = MigrationLocation.class.getClassLoader().getResource(resource);
            if (url != null) {
                scripts.addAll(readUrl(url, "classpath:" + resource, misnamed));
            }
        }
        return scripts;
    }

    /** A classpath folder is a directory in development and an entry of a jar once packaged. */
    private static List<Script> readUrl(URL url, String origin, List<String> misnamed) {
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return readFolder(Path.of(uri), origin, misnamed);
            }
            return readFolder(jar(uri).provider().getPath(uri), origin, misnamed);
        } catch (URISyntaxException | IOException e) {
            throw new FlowbaseException(ErrorCode.INTERNAL, "Cannot read migrations from " + url + ": " + e, e);
        }
    }

    /**
     * The jar's file system, opened once and left open: closing it after a read would close it
     * under another thread reading the same jar (a health check while a migration reads, say).
     */
    private static synchronized FileSystem jar(URI uri) throws IOException {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            return FileSystems.getFileSystem(uri);
        }
    }

    private static List<Script> readFolder(Path folder, String origin, List<String> misnamed) {
        try (Stream<Path> files = Files.list(folder)) {
            List<Script> scripts = new ArrayList<>();
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                boolean callback = MigrationEvent.ofFile(name) != null;
                if (Script.isCandidate(name) && !callback && !Script.isWellNamed(name)) {
                    misnamed.add(name + " in " + origin);
                } else if (Script.isCandidate(name)) {
                    String text = ScriptText.decode(name, origin, Files.readAllBytes(file));
                    scripts.add(callback ? Script.callback(name, origin, text) : Script.of(name, origin, text));
                }
            }
            return scripts;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read migrations in " + origin, e);
        }
    }
}
