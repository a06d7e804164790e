package dev.flowbase.queue;

import dev.flowbase.cache.EventBus;
import dev.flowbase.util.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Publishes each task change on the event bus as {@code task.<change>} (such as {@code task.claimed}),
 * with the task's id, queue, run and attempt, under its organization, and each run that ended with
 * its last task as {@code workflow.finished}: what {@code GET /api/events} streams to the clients of
 * every server.
 */
public final class TaskEvents implements TaskListener {
    private final EventBus bus;

    public TaskEvents(EventBus bus) {
        this.bus = bus;
    }

    @Override
    public void changed(TaskChange change) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("task", change.taskId());
        data.put("change", change.change());
        data.put("queue", change.queue());
        data.put("run", change.run());
        data.put("attempt", change.attempt());
        data.put("organization", change.organizationId());
        bus.publish(
                "task." + change.change(),
                change.organizationId() == null ? null : change.organizationId().toString(),
                Json.write(data));
    }

    @Override
    public void runEnded(RunEnded run) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("run", run.run());
        data.put("workflow", run.workflowId());
        data.put("version", run.workflowVersion());
        data.put("change", "finished");
        data.put("status", run.status());
        data.put("organization", run.organizationId());
        bus.publish("workflow.finished", run.organizationId().toString(), Json.write(data));
    }
}
