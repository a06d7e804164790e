package dev.flowbase.store;

import dev.flowbase.util.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The data of a run's event ({@code workflow.started}, {@code workflow.cancelled}), in the shape the
 * queue's {@code workflow.finished} has too, so a client reads every run event alike.
 */
final class RunEvents {
    private RunEvents() {}

    static String data(String change, WorkflowExecution run) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("run", run.id());
        data.put("workflow", run.workflowId());
        data.put("version", run.workflowVersion());
        data.put("change", change);
        data.put("status", run.status());
        data.put("organization", run.organizationId());
        return Json.write(data);
    }
}
