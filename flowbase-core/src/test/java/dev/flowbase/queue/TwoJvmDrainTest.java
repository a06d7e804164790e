package dev.flowbase.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.migrate.Migrator;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.Stores;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.JavaProcess;
import dev.flowbase.testing.TestDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Exactly once: four threads in each of two worker JVMs drain 10,000 tasks. */
class TwoJvmDrainTest {

    @EngineTest
    void twoWorkerJvmsOfFourThreadsEachCompleteTenThousandTasksEachExactlyOnce(TestDatabase target) throws Exception {
        try (Database db = target.open()) {
            Migrator.configure().database(db).load().migrate();
            UUID org = Stores.create(db).organizations().create("Acme", "acme").id();
            List<NewTask> tasks = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                tasks.add(NewTask.named(org, "t" + i).inQueue("jobs"));
            }
            Queue.create(db).enqueueAll(tasks);

            List<CompletableFuture<List<String>>> outputs = new ArrayList<>();
            List<Process> jvms = new ArrayList<>();
            for (String name : List.of("jvm-a", "jvm-b")) {
                Process p = JavaProcess.of(WorkerProcess.class, "drain", target.url(), name)
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
                jvms.add(p);
                outputs.add(CompletableFuture.supplyAsync(() -> doneLines(p)));
            }
            for (Process p : jvms) {
                assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
                assertThat(p.exitValue()).isZero();
            }

            Map<String, Integer> completions = new HashMap<>();
            for (var output : outputs) {
                output.get(1, TimeUnit.MINUTES).forEach(id -> completions.merge(id, 1, Integer::sum));
            }
            assertThat(completions).hasSize(10_000);
            assertThat(completions.values()).containsOnly(1);
            assertThat(count(db, "SELECT COUNT(*) FROM tasks WHERE status = 'succeeded' AND attempt = 1"))
                    .isEqualTo(10_000);
            assertThat(count(db, "SELECT COUNT(*) FROM task_executions WHERE status = 'succeeded'"))
                    .isEqualTo(10_000);
        }
    }

    private static List<String> doneLines(Process p) {
        List<String> ids = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(WorkerProcess.DONE)) {
                    ids.add(line.substring(WorkerProcess.DONE.length()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ids;
    }

    private static int count(Database db, String sql) {
        return db.withHandle(
                "Counting", h -> h.createQuery(sql).mapTo(Integer.class).one());
    }
}
