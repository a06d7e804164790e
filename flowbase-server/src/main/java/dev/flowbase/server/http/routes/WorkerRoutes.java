package dev.flowbase.server.http.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowbase.error.InvalidFieldException;
import dev.flowbase.queue.ClaimRequest;
import dev.flowbase.queue.Lease;
import dev.flowbase.queue.QueueDepth;
import dev.flowbase.server.http.Access;
import dev.flowbase.server.http.Body;
import dev.flowbase.server.http.Call;
import dev.flowbase.server.http.RouteGroup;
import dev.flowbase.server.http.Router;
import dev.flowbase.store.Task;
import dev.flowbase.store.TaskOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The HTTP worker protocol, for workers outside the JVM (a Node-RED flow, a Python script): claim
 * tasks of a queue under a lease, send heartbeats, then complete or fail each one. Every call after
 * the claim names the attempt it holds (the lease's fencing token); a call with an attempt the task
 * has moved past is refused with 409, so a task taken over is never finished twice.
 */
public final class WorkerRoutes implements RouteGroup {
    static final int MAX_LEASE_SECONDS = 3600;

    /** {@code worker}: a name for this worker, recorded with each attempt. */
    public record Claim(String worker, Integer max, Integer leaseSeconds) {}

    /** A claimed task and the lease on it: send {@code attempt} back with every call about it. */
    public record Claimed(Task task, int attempt, String worker, Instant leaseExpiresAt) {}

    public record Heartbeat(Integer attempt, Integer extendSeconds) {}

    public record Complete(Integer attempt, JsonNode result, String output) {}

    public record Fail(Integer attempt, String error) {}

    public record Release(Integer attempt) {}

    @Override
    public void register(Router r) {
        r.group("queue");
        r.get("/api/queues", Access.VIEWER, this::depth)
                .summary("Each queue's tasks by state: ready, delayed, running, dead")
                .returns(Body.listOf(QueueDepth.class));
        r.post("/api/queues/{queue}/claim", Access.OPERATOR, this::claim)
                .summary(
                        "Claim up to max ready tasks of the key's organization in the queue, under a lease (an empty list when none)")
                .accepts(Claim.class)
                .returns(Body.listOf(Claimed.class));
        r.post("/api/tasks/{id}/heartbeat", Access.OPERATOR, this::heartbeat)
                .summary("Extend the lease of a claimed task")
                .accepts(Heartbeat.class)
                .returns(Claimed.class);
        r.post("/api/tasks/{id}/complete", Access.OPERATOR, this::complete)
                .summary("Record a claimed task as succeeded, releasing the tasks that waited for it")
                .accepts(Complete.class)
                .returns(Task.class);
        r.post("/api/tasks/{id}/fail", Access.OPERATOR, this::fail)
                .summary("Record a failed attempt: retried after a backoff, or dead when out of retries")
                .accepts(Fail.class)
                .returns(Task.class);
        r.post("/api/tasks/{id}/release", Access.OPERATOR, this::release)
                .summary("Give a claimed task back unfinished: ready at once, no retry used (a stopping worker)")
                .accepts(Release.class)
                .returns(Task.class);
        new SettleRoutes().register(r);
    }

    private Object depth(Call call) {
        return call.queue().depth();
    }

    private Object claim(Call call) {
        Claim body = call.body(Claim.class);
        return claimed(call.queue().claim(request(call, "", call.path("queue"), body)));
    }

    /**
     * The claim {@code body} asks for, checked: its fields named with {@code prefix} in a 400
     * ({@code claim.max} for the claim inside a settle).
     */
    static ClaimRequest request(Call call, String prefix, String queue, Claim body) {
        if (body.worker() == null || body.worker().isBlank() || body.worker().length() > 200) {
            throw new InvalidFieldException(
                    prefix + "worker", String.valueOf(body.worker()), "a name of 1 to 200 characters");
        }
        int max = bounded(prefix + "max", body.max(), 1, 1, 100);
        int seconds = bounded(prefix + "leaseSeconds", body.leaseSeconds(), 30, 1, MAX_LEASE_SECONDS);
        return new ClaimRequest(queue, call.organization(), max, body.worker(), Duration.ofSeconds(seconds));
    }

    static List<Claimed> claimed(List<Lease> leases) {
        return leases.stream()
                .map(l -> claimed(l.task(), l.attempt(), l.owner()))
                .toList();
    }

    private static Claimed claimed(Task t, int attempt, String worker) {
        return new Claimed(t, attempt, worker, t.leaseExpiresAt());
    }

    private Lease lease(Call call, Integer attempt) {
        if (attempt == null) {
            throw new InvalidFieldException("attempt", "null", "the attempt the claim returned");
        }
        return call.queue().leaseOf(call.uuid("id"), attempt);
    }

    private Object heartbeat(Call call) {
        Heartbeat body = call.body(Heartbeat.class);
        Lease lease = lease(call, body.attempt());
        int seconds = bounded("extendSeconds", body.extendSeconds(), 30, 1, MAX_LEASE_SECONDS);
        call.queue().heartbeat(lease, Duration.ofSeconds(seconds));
        Task now = call.stores().tasks().get(lease.taskId());
        return claimed(now, lease.attempt(), lease.owner());
    }

    private Object complete(Call call) {
        Complete body = call.body(Complete.class);
        Lease lease = lease(call, body.attempt());
        return call.queue().complete(lease, new TaskOutcome(body.result(), body.output(), null, null));
    }

    private Object fail(Call call) {
        Fail body = call.body(Fail.class);
        Lease lease = lease(call, body.attempt());
        return call.queue().fail(lease, errorText(body.error()));
    }

    static String errorText(String error) {
        return error == null || error.isBlank() ? "failed (no error given)" : error;
    }

    private Object release(Call call) {
        Lease lease = lease(call, call.body(Release.class).attempt());
        call.queue().release(lease);
        return call.stores().tasks().get(lease.taskId());
    }

    private static int bounded(String field, Integer value, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            throw new InvalidFieldException(field, String.valueOf(value), "a whole number from " + min + " to " + max);
        }
        return value;
    }
}
