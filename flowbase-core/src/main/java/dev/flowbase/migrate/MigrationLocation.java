package dev.flowbase.migrate;

import dev.flowbase.engine.Engine;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
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
            return "jar".equals(uri.getScheme())
                    ? readJar(uri, origin, misnamed)
                    : readFolder(Path.of(uri), origin, misnamed);
        } catch (URISyntaxException | IOException e) {
            throw new FlowbaseException(ErrorCode.INTERNAL, "Cannot read migrations from " + url + ": " + e, e);
        }
    }

    /**
     * Reads a folder of a jar through {@link JarFile}, not the zip file system: the latter reads
     * through an interruptible channel, and one interrupted reader (a timer closed mid-read) closes
     * it for every later read in the process.
     */
    private static List<Script> readJar(URI uri, String origin, List<String> misnamed) throws IOException {
        // jar:file:/…/flowbase-core.jar!/db/migration/postgresql
        String raw = uri.getRawSchemeSpecificPart();
        int bang = raw.indexOf("!/");
        Path file = Path.of(URI.create(raw.substring(0, bang)));
        String prefix = URI.create(raw.substring(bang + 2)).getPath() + "/";
        List<Script> scripts = new ArrayList<>();
        try (JarFile jar = new JarFile(file.toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                if (!entry.isDirectory() && name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0) {
                    add(name.substring(prefix.length()), origin, misnamed, scripts, () -> {
                        try (InputStream in = jar.getInputStream(entry)) {
                            return in.readAllBytes();
                        }
                    });
                }
            }
        }
        return scripts;
    }

    private static List<Script> readFolder(Path folder, String origin, List<String> misnamed) {
        try (Stream<Path> files = Files.list(folder)) {
            List<Script> scripts = new ArrayList<>();
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                add(file.getFileName().toString(), origin, misnamed, scripts, () -> Files.readAllBytes(file));
            }
            return scripts;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read migrations in " + origin, e);
        }
    }

    private interface Bytes {
        byte[] read() throws IOException;
    }

    /** Takes the file {@code name} as a script or callback, or notes it as misnamed; other files are not ours. */
    private static void add(String name, String origin, List<String> misnamed, List<Script> scripts, Bytes bytes)
            throws IOException {
        boolean callback = MigrationEvent.ofFile(name) != null;
        if (Script.isCandidate(name) && !callback && !Script.isWellNamed(name)) {
            misnamed.add(name + " in " + origin);
        } else if (Script.isCandidate(name)) {
            String text = ScriptText.decode(name, origin, bytes.read());
            scripts.add(callback ? Script.callback(name, origin, text) : Script.of(name, origin, text));
        }
    }
}
