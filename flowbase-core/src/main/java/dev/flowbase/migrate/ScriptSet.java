package dev.flowbase.migrate;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** The scripts of one location for one engine, by kind, in the order they apply. */
public record ScriptSet(
        NavigableMap<Version, Script> versioned,
        NavigableMap<Version, Script> undo,
        SortedMap<String, Script> repeatable,
        Map<MigrationEvent, List<Script>> callbacks) {

    public ScriptSet {
        versioned = Collections.unmodifiableNavigableMap(versioned);
        undo = Collections.unmodifiableNavigableMap(undo);
        repeatable = Collections.unmodifiableSortedMap(repeatable);
        callbacks = Collections.unmodifiableMap(callbacks);
    }

    /**
     * Sorts scripts by kind and version.
     *
     * @throws FlowbaseException naming both files when two share a version (or a repeatable description)
     */
    static ScriptSet of(List<Script> scripts) {
        NavigableMap<Version, Script> versioned = new TreeMap<>();
        NavigableMap<Version, Script> undo = new TreeMap<>();
        SortedMap<String, Script> repeatable = new TreeMap<>();
        Map<MigrationEvent, List<Script>> callbacks = new EnumMap<>(MigrationEvent.class);
        for (Script s :
                scripts.stream().sorted(Comparator.comparing(Script::name)).toList()) {
            MigrationEvent event = MigrationEvent.ofFile(s.name());
            if (event != null) {
                callbacks.computeIfAbsent(event, e -> new ArrayList<>()).add(s);
                continue;
            }
            Script clash = switch (s.type()) {
                case VERSIONED -> versioned.putIfAbsent(s.version(), s);
                case UNDO -> undo.putIfAbsent(s.version(), s);
                case REPEATABLE -> repeatable.putIfAbsent(s.description(), s);
                case BASELINE -> throw new IllegalArgumentException("a baseline is not a file");
            };
            if (clash != null) {
                throw new FlowbaseException(
                        ErrorCode.MIGRATION_FAILED,
                        "Migration files " + clash.where() + " and " + s.where() + " have the same "
                                + (s.version() != null ? "version " + s.version() : "description")
                                + ": renumber one of them");
            }
        }
        return new ScriptSet(versioned, undo, repeatable, callbacks);
    }

    Optional<Script> versioned(Version version) {
        return Optional.ofNullable(versioned.get(version));
    }

    /** Undo files without a versioned file of their version beside them: a rename or deletion gone half-way. */
    List<Script> orphanUndo() {
        return undo.values().stream()
                .filter(u -> !versioned.containsKey(u.version()))
                .toList();
    }

    Optional<Script> undo(Version version) {
        return Optional.ofNullable(undo.get(version));
    }
}
