package dev.flowbase.queue;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Matches rows by (task, attempt) pairs, so that a batch write fenced by the attempt changes only
 * the attempts its leases hold: {@code (id, attempt) IN ((:t0, :a0), (:t1, :a1), …)}, a row value
 * comparison all three engines know. The statements that use it are the engine's ({@link
 * QueueSql#deleteHeld}).
 */
final class Fenced {
    private Fenced() {}

    static String pairs(int count) {
        StringJoiner out = new StringJoiner(", ");
        for (int i = 0; i < count; i++) {
            out.add("(:t" + i + ", :a" + i + ")");
        }
        return out.toString();
    }

    static <S extends SqlStatement<S>> S bind(S statement, List<Lease> leases) {
        return bindPairs(
                statement,
                leases.stream()
                        .map(l -> new QueueSql.Claimed(l.taskId(), l.attempt()))
                        .toList());
    }

    static <S extends SqlStatement<S>> S bindPairs(S statement, List<QueueSql.Claimed> pairs) {
        for (int i = 0; i < pairs.size(); i++) {
            statement
                    .bind("t" + i, pairs.get(i).taskId())
                    .bind("a" + i, pairs.get(i).attempt());
        }
        return statement;
    }

    /** The leases whose (task, attempt) pair is among {@code held}. */
    static List<Lease> held(List<Lease> leases, Collection<QueueSql.Claimed> held) {
        Set<QueueSql.Claimed> pairs = new HashSet<>(held);
        return leases.stream()
                .filter(l -> pairs.contains(new QueueSql.Claimed(l.taskId(), l.attempt())))
                .toList();
    }
}
