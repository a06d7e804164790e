package dev.flowbase.bench;

import dev.flowbase.Flowbase;
import dev.flowbase.db.Database;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.PageRequest;
import dev.flowbase.store.Stores;
import dev.flowbase.store.Task;
import dev.flowbase.store.TaskFilter;
import dev.flowbase.store.Workflow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The data layer at a million rows: the lookups our users' plans make, through the stores and
 * through plain JDBC running the same SQL in the same run, and the bulk load. Prints a Markdown
 * report; see bench/README.md.
 *
 * <p>Options: {@code --quick} loads a tenth of the rows; {@code --postgresql-only} skips MariaDB and SQLite.
 */
public final class DataBench {
    static final int BATCH = 5_000;

    private final Path work;
    private final int workflows;
    private final int tasksPerWorkflow;
    private final int bigWorkflow;

    private DataBench(Path work, int scale) {
        this.work = work;
        this.workflows = 1_000 / scale;
        this.tasksPerWorkflow = 1_000;
        this.bigWorkflow = 10_000;
    }

    public static void main(String[] args) throws Exception {
        Set<String> options = Set.of(args);
        Path work = Files.createDirectories(Path.of("bench/target/work").toAbsolutePath());
        DataBench bench = new DataBench(work, options.contains("--quick") ? 10 : 1);
        Report.line("# Data-layer benchmark");
        Report.line("");
        Machine.describe(work).forEach(l -> Report.line("- " + l));
        List<BenchDatabase.Engine> engines = options.contains("--postgresql-only")
                ? List.of(BenchDatabase.Engine.POSTGRESQL)
                : List.of(BenchDatabase.Engine.values());
        for (BenchDatabase.Engine engine : engines) {
            bench.run(engine);
        }
    }

    private void run(BenchDatabase.Engine engine) throws Exception {
        try (BenchDatabase target = BenchDatabase.create(engine, "data", work);
                Database db = Database.open(target.flowbaseConfig())) {
            Flowbase.migrator(db).migrate();
            Stores stores = Stores.create(db);
            UUID org = stores.organizations().create("Bench", "bench").id();
            Report.heading(
                    engine.id + ": " + String.format(Locale.ROOT, "%,d", workflows * tasksPerWorkflow + bigWorkflow)
                            + " tasks in " + (workflows + 1) + " workflows");

            Load load = load(stores, org);
            Report.line("Load: " + Report.seconds(load.seconds()) + ", "
                    + String.format(Locale.ROOT, "%,.0f", load.rowsPerSecond()) + " rows/s through"
                    + " `TaskStore.insertTasks` in transactions of " + String.format(Locale.ROOT, "%,d", BATCH)
                    + " rows (" + (engine == BenchDatabase.Engine.POSTGRESQL ? "COPY" : "batched INSERTs") + ").");
            double rawRate =
                    RawJdbc.bulkInsert(target, org, load.workflowIds().get(0), 100_000 / (workflows < 1000 ? 10 : 1));
            Report.line(
                    "Raw JDBC, same rows, same method, same batches: " + String.format(Locale.ROOT, "%,.0f", rawRate)
                            + " rows/s (ratio Flowbase/raw: " + Report.ratio(load.rowsPerSecond() / rawRate) + ").");
            Report.line("");
            prepareStatuses(db, engine);

            Lookups lookups = new Lookups(stores, target, org, load);
            List<List<String>> rows = new ArrayList<>();
            rows.add(lookups.measure("get task by id", 5_000));
            rows.add(lookups.measure("page of 50 tasks by status", 2_000));
            rows.add(lookups.measure("getWorkflowProgress (10,000 tasks)", 500));
            rows.add(lookups.measure("getRunnableTasks (1,000 tasks, 10 runnable)", 2_000));
            Report.table(
                    List.of("operation", "Flowbase p50", "Flowbase p99", "raw JDBC p50", "raw JDBC p99", "p50 ratio"),
                    rows);
        }
    }

    record Load(double seconds, double rowsPerSecond, List<UUID> workflowIds, UUID big, List<UUID> sampleTasks) {}

    private Load load(Stores stores, UUID org) {
        List<UUID> ids = new ArrayList<>();
        for (int w = 0; w < workflows; w++) {
            ids.add(stores.workflows()
                    .create(Workflow.New.named(org, "wf-" + w))
                    .id());
        }
        UUID big = stores.workflows().create(Workflow.New.named(org, "big")).id();
        long start = System.nanoTime();
        List<NewTask> batch = new ArrayList<>(BATCH);
        int total = 0;
        for (int w = 0; w <= workflows; w++) {
            UUID wf = w == workflows ? big : ids.get(w);
            int n = w == workflows ? bigWorkflow : tasksPerWorkflow;
            for (int i = 0; i < n; i++) {
                batch.add(NewTask.named(org, "task-" + i).inWorkflow(wf).withOrder(i));
                if (batch.size() == BATCH) {
                    total += stores.tasks().insertTasks(batch);
                    batch.clear();
                    if (total % 100_000 == 0) {
                        Report.progress("loaded " + total + " tasks");
                    }
                }
            }
        }
        total += stores.tasks().insertTasks(batch);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<UUID> sample = stores
                .tasks()
                .list(TaskFilter.of(org).inWorkflow(ids.get(ids.size() / 2)), PageRequest.first(1000))
                .items()
                .stream()
                .map(Task::id)
                .toList();
        return new Load(seconds, total / seconds, ids, big, sample);
    }

    /** Most tasks have succeeded, ten per workflow are still ready: what a busy installation looks like. */
    private static void prepareStatuses(Database db, BenchDatabase.Engine engine) {
        Report.progress("marking finished tasks");
        db.execute("Marking finished tasks", "UPDATE tasks SET status = 'succeeded' WHERE execution_order >= 10");
        db.execute(
                "Refreshing statistics",
                switch (engine) {
                    case POSTGRESQL -> "ANALYZE tasks";
                    case MARIADB -> "ANALYZE TABLE tasks";
                    case SQLITE -> "ANALYZE";
                });
    }
}
