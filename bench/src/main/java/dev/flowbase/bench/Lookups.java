package dev.flowbase.bench;

import dev.flowbase.store.PageRequest;
import dev.flowbase.store.Stores;
import dev.flowbase.store.TaskFilter;
import dev.flowbase.store.TaskStatus;
import java.sql.SQLException;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Each lookup through the stores and through {@link RawJdbc} with the same SQL, interleaved call by
 * call so that both see the same cache and the same machine, after a warm-up of both.
 */
final class Lookups {
    private final Stores stores;
    private final BenchDatabase target;
    private final UUID org;
    private final DataBench.Load load;
    private final Random random = new Random(42);

    Lookups(Stores stores, BenchDatabase target, UUID org, DataBench.Load load) {
        this.stores = stores;
        this.target = target;
        this.org = org;
        this.load = load;
    }

    private interface Call {
        void run(RawJdbc raw, int i) throws SQLException;
    }

    List<String> measure(String name, int iterations) throws SQLException {
        Report.progress(target.engine().id + ": " + name);
        Call flowbase = flowbaseCall(name);
        Call raw = rawCall(name);
        var ours = new Latencies(iterations);
        var theirs = new Latencies(iterations);
        try (RawJdbc jdbc = new RawJdbc(target)) {
            for (int i = 0; i < Math.max(100, iterations / 5); i++) {
                flowbase.run(jdbc, i);
                raw.run(jdbc, i);
            }
            for (int i = 0; i < iterations; i++) {
                long a = System.nanoTime();
                flowbase.run(jdbc, i);
                long b = System.nanoTime();
                raw.run(jdbc, i);
                long c = System.nanoTime();
                ours.add(b - a);
                theirs.add(c - b);
            }
        }
        double p50 = ours.percentileMillis(50);
        double rawP50 = theirs.percentileMillis(50);
        return List.of(
                name,
                Latencies.millis(p50),
                Latencies.millis(ours.percentileMillis(99)),
                Latencies.millis(rawP50),
                Latencies.millis(theirs.percentileMillis(99)),
                Report.ratio(p50 / rawP50));
    }

    private UUID someTask(int i) {
        return load.sampleTasks().get((i * 7919) % load.sampleTasks().size());
    }

    private UUID someWorkflow() {
        return load.workflowIds().get(random.nextInt(load.workflowIds().size()));
    }

    private Call flowbaseCall(String name) {
        return switch (name) {
            case "get task by id" -> (raw, i) -> stores.tasks().get(someTask(i));
            case "page of 50 tasks by status" ->
                (raw, i) -> stores.tasks().list(TaskFilter.of(org).withStatus(TaskStatus.READY), PageRequest.first(50));
            case "getWorkflowProgress (10,000 tasks)" ->
                (raw, i) -> stores.tasks().getWorkflowProgress(load.big());
            default -> (raw, i) -> stores.tasks().getRunnableTasks(someWorkflow());
        };
    }

    private Call rawCall(String name) {
        return switch (name) {
            case "get task by id" -> (raw, i) -> raw.query("SELECT * FROM tasks WHERE id = ?", someTask(i));
            case "page of 50 tasks by status" ->
                (raw, i) -> raw.query(
                        "SELECT * FROM tasks WHERE organization_id = ? AND status = ? AND 1 = 1"
                                + " ORDER BY created_at, id LIMIT ?",
                        org,
                        "ready",
                        51);
            case "getWorkflowProgress (10,000 tasks)" ->
                (raw, i) -> {
                    raw.query("SELECT COUNT(*) FROM workflows WHERE id = ?", load.big());
                    raw.query(
                            "SELECT status, COUNT(*) AS n FROM tasks WHERE workflow_id = ? GROUP BY status",
                            load.big());
                };
            default ->
                (raw, i) -> raw.query(
                        "SELECT t.* FROM tasks t WHERE t.workflow_id = ? AND t.status IN ('pending', 'ready')"
                                + " AND NOT EXISTS (SELECT 1 FROM task_dependencies d JOIN tasks p"
                                + " ON p.id = d.depends_on_task_id WHERE d.task_id = t.id AND p.status <> 'succeeded')"
                                + " ORDER BY t.priority DESC, t.execution_order, t.created_at, t.id",
                        someWorkflow());
        };
    }
}
