package dev.flowbase.server.http.api;

import static dev.flowbase.server.http.api.ApiClient.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.store.TaskStatus;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /api/tasks/{id}/status} cannot strand a task: it never sets a state only the queue
 * may set (running, which needs a lease), and every state it does reach is left again by a call,
 * or is final.
 */
class TaskStatusByCallTest {
    @EngineTest
    void aCallCannotMakeATaskRunningWithoutALease(TestDatabase test, Database db) {
        try (ApiServer api = ApiServer.start(test, db)) {
            String id = api.operator
                    .post("/api/tasks", Map.of("name", "t", "queue", "q"))
                    .text("/id");

            var running = move(api, id, TaskStatus.RUNNING);

            assertProblem(running, 409, "invalid-transition");
            assertThat(running.text("/detail")).contains("lease").contains("[pending, cancelled]");
            assertThat(api.viewer.get("/api/tasks/" + id).text("/status")).isEqualTo("READY");
            var claimed = api.operator.post("/api/queues/q/claim", Map.of("worker", "w", "max", 1, "leaseSeconds", 60));
            assertThat(claimed.at("/0/task/id").asText()).isEqualTo(id);
            assertThat(claimed.at("/0/task/leaseExpiresAt").isNull()).isFalse();
        }
    }

    @EngineTest
    void everyStateACallReachesIsLeftAgainByACallOrIsFinal(TestDatabase test, Database db) {
        try (ApiServer api = ApiServer.start(test, db)) {
            Set<TaskStatus> reached = EnumSet.of(TaskStatus.READY);
            Deque<TaskStatus> todo = new ArrayDeque<>(reached);
            while (!todo.isEmpty()) {
                TaskStatus from = todo.pop();
                for (TaskStatus to : TaskStatus.values()) {
                    String id = taskIn(api, from);
                    var answer = move(api, id, to);
                    if (answer.status() != 200) {
                        assertThat(from.nextByCall()).as(from + " -> " + to).doesNotContain(to);
                        continue;
                    }
                    assertThat(to.queueOnly())
                            .as(from + " -> " + to + " by a call")
                            .isFalse();
                    if (reached.add(to)) {
                        todo.add(to);
                    }
                }
            }
            for (TaskStatus state : reached) {
                String id = taskIn(api, state);
                if (state.next().isEmpty()) {
                    continue; // succeeded and cancelled are final by design
                }
                TaskStatus out = state.nextByCall().iterator().next();
                assertThat(move(api, id, out).status())
                        .as(state + " left by a call to " + out)
                        .isEqualTo(200);
            }
            assertThat(reached).doesNotContain(TaskStatus.RUNNING);
        }
    }

    /** A new task brought to {@code state} by calls only (running: claimed by a worker). */
    private static String taskIn(ApiServer api, TaskStatus state) {
        String queue = "q" + System.nanoTime();
        String id = api.operator
                .post("/api/tasks", Map.of("name", "t", "queue", queue))
                .text("/id");
        switch (state) {
            case READY -> {}
            case PENDING, CANCELLED -> move(api, id, state);
            default -> {
                api.operator.post(
                        "/api/queues/" + queue + "/claim", Map.of("worker", "w", "max", 1, "leaseSeconds", 60));
                if (state != TaskStatus.RUNNING) {
                    move(api, id, state);
                }
            }
        }
        assertThat(api.viewer.get("/api/tasks/" + id).text("/status")).isEqualTo(state.name());
        return id;
    }

    private static ApiClient.Answer move(ApiServer api, String id, TaskStatus to) {
        return api.operator.post(
                "/api/tasks/" + id + "/status", Map.of("status", to.name().toLowerCase(Locale.ROOT)));
    }
}
