package dev.flowbase.backup;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.schema.Catalog;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Orders tables so that every table comes after the tables its foreign keys point to (ties by name). */
final class TableOrder {
    private TableOrder() {}

    static List<String> parentsFirst(Catalog catalog, Collection<String> tables) {
        Map<String, Set<String>> waitingOn = new TreeMap<>();
        for (String t : tables) {
            Set<String> parents = new TreeSet<>();
            for (Catalog.ForeignKey fk : catalog.table(t).orElseThrow().foreignKeys()) {
                if (!fk.referencedTable().equals(t) && tables.contains(fk.referencedTable())) {
                    parents.add(fk.referencedTable());
                }
            }
            waitingOn.put(t, parents);
        }
        List<String> order = new ArrayList<>();
        while (!waitingOn.isEmpty()) {
            String next = waitingOn.entrySet().stream()
                    .filter(e -> e.getValue().isEmpty())
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElseThrow(() -> new FlowbaseException(
                            ErrorCode.VALIDATION_FAILED,
                            "the foreign keys of " + waitingOn.keySet() + " form a cycle; a backup cannot order them"));
            order.add(next);
            waitingOn.remove(next);
            waitingOn.values().forEach(parents -> parents.remove(next));
        }
        return order;
    }

    /**
     * {@code wanted} and every table they reach through foreign keys, so that a restore into an empty
     * database finds each row's parents; a name that is not one of {@code ours} is refused, naming those that are.
     */
    static Set<String> withParents(Catalog catalog, List<String> ours, Set<String> wanted) {
        List<String> unknown =
                wanted.stream().filter(t -> !ours.contains(t)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new FlowbaseException(
                    ErrorCode.INVALID_ARGUMENT,
                    "--tables " + String.join(",", unknown)
                            + ": not a table this backup holds (Flowbase's tables, and with --all the user's own); expected"
                            + " some of " + String.join(", ", ours));
        }
        Set<String> closed = new TreeSet<>();
        List<String> todo = new ArrayList<>(wanted);
        while (!todo.isEmpty()) {
            String t = todo.remove(todo.size() - 1);
            if (closed.add(t)) {
                catalog.table(t).orElseThrow().foreignKeys().forEach(fk -> todo.add(fk.referencedTable()));
            }
        }
        return closed;
    }

    /** The column of a single-column foreign key from {@code table} to itself, or null. */
    static String selfReference(Catalog.Table table) {
        return table.foreignKeys().stream()
                .filter(fk -> fk.referencedTable().equals(table.name())
                        && fk.columns().size() == 1)
                .map(fk -> fk.columns().get(0))
                .findFirst()
                .orElse(null);
    }
}
