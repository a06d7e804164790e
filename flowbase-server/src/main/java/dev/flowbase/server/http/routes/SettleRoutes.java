package dev.flowbase.server.http.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.InvalidFieldException;
import dev.flowbase.queue.ClaimRequest;
import dev.flowbase.queue.SettleOutcome;
import dev.flowbase.queue.SettleReport;
import dev.flowbase.queue.SettleResult;
import dev.flowbase.server.http.Access;
import dev.flowbase.server.http.Call;
import dev.flowbase.server.http.RouteGroup;
import dev.flowbase.server.http.Router;
import dev.flowbase.store.Limits;
import dev.flowbase.store.Task;
import dev.flowbase.store.TaskOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Completes or fails several leased tasks in one call, so a worker spends one request on a batch
 * instead of one per task, and the server one transaction ({@code Queue.settle}). Each entry is
 * fenced exactly like {@code /complete} and {@code /fail}: an entry whose attempt the task has
 * moved past is refused, and that refusal is that entry's answer only; the other entries are still
 * applied. A failure of the database applies none (the answer is its problem), so the worker sends
 * the whole batch again. With {@code claim}, the same transaction then claims the worker's next
 * tasks, so a worker that goes on working spends one call per batch, not a settle and a claim.
 */
public final class SettleRoutes implements RouteGroup {
    static final int MAX_ENTRIES = 100;

    /** {@code outcome}: {@code succeeded} (with {@code result}, {@code output}) or {@code failed} (with {@code error}). */
    public record Entry(String id, Integer attempt, String outcome, JsonNode result, String output, String error) {}

    /**
     * The next claim, made in the settle's transaction once the entries are applied: the claim
     * route's body with the queue's name ({@code /api/queues/{queue}/claim}).
     */
    public record NextClaim(String queue, String worker, Integer max, Integer leaseSeconds) {}

    /** {@code claim}: optional; with it, {@code entries} may be empty (a worker with nothing to report yet). */
    public record Settle(List<Entry> entries, NextClaim claim) {}

    /** Why an entry was refused: the problem {@code /complete} would have answered for it alone. */
    public record Refusal(String type, int status, String detail) {}

    /** One entry's answer: {@code task} when applied, {@code refused} otherwise. */
    public record Settled(String id, boolean applied, Task task, Refusal refused) {}

    /** {@code claimed}: the tasks claimed next, as the claim route answers them; absent when no claim was asked. */
    public record SettleResults(List<Settled> results, List<WorkerRoutes.Claimed> claimed) {}

    @Override
    public void register(Router r) {
        r.post("/api/tasks/settle", Access.OPERATOR, this::settle)
                .summary(
                        "Complete or fail up to 100 claimed tasks in one call, and claim the next ones with claim; a stale attempt refuses only its own entry")
                .accepts(Settle.class)
                .returns(SettleResults.class);
    }

    private Object settle(Call call) {
        Settle body = call.body(Settle.class);
        List<Entry> entries = body.entries() == null && body.claim() != null ? List.of() : body.entries();
        int least = body.claim() == null ? 1 : 0;
        if (entries == null || entries.size() < least || entries.size() > MAX_ENTRIES) {
            throw new InvalidFieldException(
                    "entries",
                    entries == null ? "null" : entries.size() + " entries",
                    least + " to " + MAX_ENTRIES + " entries" + (least == 0 ? "" : " (0 with a claim)"));
        }
        ClaimRequest next = body.claim() == null ? null : next(call, body.claim());
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            ids.add(checked(entries.get(i), "entries[" + i + "]"));
        }
        List<SettleReport> reports = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            reports.add(report(ids.get(i), entries.get(i)));
        }
        SettleOutcome settled = call.queue().settle(reports, next);
        List<Settled> results = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            results.add(answer(entries.get(i), settled.results().get(i)));
        }
        return new SettleResults(results, next == null ? null : WorkerRoutes.claimed(settled.claimed()));
    }

    private static ClaimRequest next(Call call, NextClaim c) {
        if (c.queue() == null || c.queue().isBlank() || c.queue().length() > Limits.QUEUE) {
            throw new InvalidFieldException(
                    "claim.queue", String.valueOf(c.queue()), "a queue's name of 1 to " + Limits.QUEUE + " characters");
        }
        return WorkerRoutes.request(
                call, "claim.", c.queue(), new WorkerRoutes.Claim(c.worker(), c.max(), c.leaseSeconds()));
    }

    /** The whole call is refused (400) for a malformed entry: that is the program's bug, not a race. */
    private static UUID checked(Entry e, String at) {
        if (e == null) {
            throw new InvalidFieldException(at, "null", "an object with id, attempt and outcome");
        }
        if (e.attempt() == null) {
            throw new InvalidFieldException(at + ".attempt", "null", "the attempt the claim returned");
        }
        if (!"succeeded".equals(e.outcome()) && !"failed".equals(e.outcome())) {
            throw new InvalidFieldException(at + ".outcome", String.valueOf(e.outcome()), "succeeded or failed");
        }
        try {
            return UUID.fromString(String.valueOf(e.id()));
        } catch (IllegalArgumentException notUuid) {
            throw new InvalidFieldException(at + ".id", String.valueOf(e.id()), "a task id (UUID)");
        }
    }

    /** The entry as the queue takes it; the id was checked already. */
    private static SettleReport report(UUID id, Entry e) {
        return "succeeded".equals(e.outcome())
                ? SettleReport.succeeded(id, e.attempt(), new TaskOutcome(e.result(), e.output(), null, null))
                : SettleReport.failed(id, e.attempt(), WorkerRoutes.errorText(e.error()));
    }

    private static Settled answer(Entry e, SettleResult r) {
        if (r.applied()) {
            return new Settled(e.id(), true, r.task(), null);
        }
        ErrorCode code = r.refused().code();
        // A server-side failure's message may name internals; it gets the code's summary, as a problem would.
        String detail = code.httpStatus() >= 500 ? code.summary() : r.refused().getMessage();
        return new Settled(e.id(), false, null, new Refusal(code.slug(), code.httpStatus(), detail));
    }
}
