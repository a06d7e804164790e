package dev.flowbase.migrate;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.util.Printable;
import dev.flowbase.util.Sha256;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One migration file, read and checked: its kind, version (none for repeatable scripts), text and
 * checksum.
 *
 * @param name the file name, for example {@code V2__add_index.sql}
 * @param origin where it was read from, for messages: a folder or {@code classpath:db/migration/…}
 * @param transactional false when the first line is {@code -- flowbase:no-transaction}
 * @param javaMigration the Java migration this stands for; null for a file
 */
public record Script(
        String name,
        String origin,
        MigrationType type,
        Version version,
        String description,
        String text,
        String checksum,
        boolean transactional,
        JavaMigration javaMigration) {

    static final String NO_TRANSACTION = "-- flowbase:no-transaction";
    /** A description: letters, digits and marks of any script (as Flyway accepts), _ . - and spaces. */
    private static final String DESCRIPTION = "([\\p{L}\\p{N}\\p{M}_][\\p{L}\\p{N}\\p{M}_ .-]*)";

    private static final Pattern VERSIONED =
            Pattern.compile("([VU])([0-9]+(?:[._][0-9]+)*)__" + DESCRIPTION + "\\.sql");
    private static final Pattern REPEATABLE = Pattern.compile("R__" + DESCRIPTION + "\\.sql");

    /** Whether {@code fileName} is meant to be a migration at all: other files in the folder are ignored. */
    static boolean isCandidate(String fileName) {
        // Any case, so that V5__x.SQL is refused as misnamed rather than silently skipped.
        return fileName.toLowerCase(Locale.ROOT).endsWith(".sql");
    }

    /** Whether {@code fileName} follows the convention of a versioned, undo or repeatable script. */
    static boolean isWellNamed(String fileName) {
        return VERSIONED.matcher(fileName).matches()
                || REPEATABLE.matcher(fileName).matches();
    }

    /** One error naming every misnamed file of a read, escaped for the terminal, and the convention. */
    static FlowbaseException misnamed(List<String> where) {
        String files = where.stream().map(Printable::escape).collect(Collectors.joining(", "));
        return new FlowbaseException(
                ErrorCode.MIGRATION_FAILED,
                (where.size() == 1 ? "Migration file " + files + " is" : "Migration files " + files + " are")
                        + " misnamed: rename to V<version>__<description>.sql,"
                        + " U<version>__<description>.sql or R__<description>.sql (version as in 1 or 1.10)");
    }

    /**
     * Reads a migration file.
     *
     * @throws FlowbaseException naming the file when its name does not follow the convention
     */
    static Script of(String name, String origin, String rawText) {
        String text = Checksum.normalize(rawText);
        boolean transactional = transactional(text);
        String checksum = Sha256.hex(text);
        Matcher v = VERSIONED.matcher(name);
        if (v.matches()) {
            MigrationType type = v.group(1).equals("V") ? MigrationType.VERSIONED : MigrationType.UNDO;
            return new Script(
                    name,
                    origin,
                    type,
                    Version.parse(v.group(2)),
                    describe(v.group(3)),
                    text,
                    checksum,
                    transactional,
                    null);
        }
        Matcher r = REPEATABLE.matcher(name);
        if (r.matches()) {
            return new Script(
                    name,
                    origin,
                    MigrationType.REPEATABLE,
                    null,
                    describe(r.group(1)),
                    text,
                    checksum,
                    transactional,
                    null);
        }
        throw misnamed(List.of(name + " in " + origin));
    }

    /** A callback file: run at its event, never recorded in the history. */
    static Script callback(String name, String origin, String rawText) {
        String text = Checksum.normalize(rawText);
        return new Script(
                name, origin, MigrationType.REPEATABLE, null, name, text, Sha256.hex(text), transactional(text), null);
    }

    /** A Java migration, or its undo, as a script of the set: its name is its class name. */
    static Script java(JavaMigration m, MigrationType type) {
        String name = m.getClass().getName();
        Version version;
        try {
            version = Version.parse(m.version());
        } catch (RuntimeException e) {
            throw new FlowbaseException(
                    ErrorCode.MIGRATION_FAILED,
                    "Java migration " + name + " has version '" + m.version() + "': expected one like 3 or 1.10");
        }
        return new Script(
                name, "java", type, version, m.description(), "", Sha256.hex("java:" + m.checksum()), true, m);
    }

    /** False when the first line is {@code -- flowbase:no-transaction}. */
    private static boolean transactional(String text) {
        return !text.lines().findFirst().orElse("").strip().equalsIgnoreCase(NO_TRANSACTION);
    }

    private static String describe(String fromName) {
        return fromName.replace('_', ' ').strip();
    }

    /** The key a history row is matched on: the version, or for repeatable scripts the description. */
    String key() {
        return version != null ? version.toString() : description;
    }

    /** {@code V2__add_index.sql (folder)}, for messages. */
    String where() {
        return Printable.escape(name + " (" + origin + ")");
    }
}
