package dev.flowbase.queue;

import dev.flowbase.store.TaskStatus;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many attempts this process ended, per queue and outcome, since it started: what
 * {@code /metrics} turns into a rate. Each process counts its own; Prometheus adds them up.
 * Counted after the transaction commits, so a retried transaction is not counted twice.
 */
public final class Throughput {
    /** How attempts end. */
    public enum Outcome {
        SUCCEEDED,
        RETRIED,
        DEAD,
        TIMED_OUT,
        CANCELLED,
        /** Moved to failed by a caller (the queue itself retries or dead-letters instead). */
        FAILED;

        /** How a caller's move to {@code to} counts; null when it ends nothing. */
        static Outcome of(TaskStatus to) {
            return switch (to) {
                case SUCCEEDED -> SUCCEEDED;
                case FAILED -> FAILED;
                case DEAD -> DEAD;
                case CANCELLED -> CANCELLED;
                default -> null;
            };
        }
    }

    /** One queue's count of one outcome. */
    public record Count(String queue, Outcome outcome, long count) {}

    private record Key(String queue, Outcome outcome) {}

    /** Queue names are the users'; past this many, the rest count as {@code other}. */
    private static final int MAX_QUEUES = 1000;

    private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();

    void add(String queue, Outcome outcome, long n) {
        if (n <= 0 || outcome == null) {
            return;
        }
        Key key = new Key(queue, outcome);
        LongAdder adder = counts.get(key);
        if (adder == null) {
            adder = counts.computeIfAbsent(
                    counts.size() < MAX_QUEUES * Outcome.values().length ? key : new Key("other", outcome),
                    k -> new LongAdder());
        }
        adder.add(n);
    }

    void addEach(List<Lease> leases, Outcome outcome) {
        leases.forEach(l -> add(l.task().queueName(), outcome, 1));
    }

    /** The counts so far, by queue and outcome. */
    public List<Count> snapshot() {
        return counts.entrySet().stream()
                .map(e -> new Count(
                        e.getKey().queue(), e.getKey().outcome(), e.getValue().sum()))
                .sorted(Comparator.comparing(Count::queue).thenComparing(Count::outcome))
                .toList();
    }
}
