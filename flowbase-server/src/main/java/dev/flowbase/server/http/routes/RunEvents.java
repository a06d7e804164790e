package dev.flowbase.server.http.routes;

import dev.flowbase.cache.EventBus;
import dev.flowbase.store.WorkflowExecution;
import dev.flowbase.util.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Publishes what the API does to a workflow run ({@code workflow.started}, {@code workflow.cancelled})
 * on the event bus, beside the queue's task events: what {@code GET /api/events?run=…} shows.
 */
final class RunEvents {
    private final EventBus bus;

    RunEvents(EventBus bus) {
        this.bus = bus;
    }

    WorkflowExecution tell(String change, WorkflowExecution run) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("run", run.id());
        data.put("workflow", run.workflowId());
        data.put("version", run.workflowVersion());
        data.put("change", change);
        data.put("status", run.status());
        data.put("organization", run.organizationId());
        bus.publish("workflow." + change, run.organizationId().toString(), Json.write(data));
        return run;
    }
}
