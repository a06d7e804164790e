package dev.flowbase.server.http.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.error.InvalidFieldException;
import dev.flowbase.server.http.Access;
import dev.flowbase.server.http.Call;
import dev.flowbase.server.http.RouteGroup;
import dev.flowbase.server.http.Router;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.NotFoundException;
import dev.flowbase.store.Stores;
import dev.flowbase.store.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Seed 001's {@code executeTransaction(operations)}: several task operations that happen together
 * or not at all. The operations are the plan's own names, so a Node-RED flow that batches them reads
 * as the plan did. One failing operation rolls back the others, and the problem names its index.
 */
public final class TransactionRoutes implements RouteGroup {
    static final int MAX_OPERATIONS = 100;
    static final String OPERATIONS = "insertTask, updateTaskStatus, requeueFailedTask or cancelTask";

    /**
     * One operation: {@code op} names it; {@code insertTask} takes {@code task}, the others {@code id},
     * and {@code updateTaskStatus} also {@code status} with optional {@code result}, {@code output}, {@code error}.
     */
    public record Operation(
            String op,
            TaskRoutes.EnqueueTask task,
            UUID id,
            String status,
            JsonNode result,
            String output,
            String error) {}

    public record Transaction(List<Operation> operations) {}

    /** Each operation's task as it was after it, in the order sent. */
    public record Committed(List<Task> results) {}

    @Override
    public void register(Router r) {
        r.group("tasks");
        r.post("/api/transactions", Access.OPERATOR, this::execute)
                .summary("Run task operations in one transaction: all of them happen or none does")
                .accepts(Transaction.class)
                .returns(Committed.class);
    }

    private Object execute(Call call) {
        List<Operation> ops = call.body(Transaction.class).operations();
        if (ops == null || ops.isEmpty() || ops.size() > MAX_OPERATIONS) {
            throw new InvalidFieldException(
                    "operations",
                    ops == null ? "null" : ops.size() + " operations",
                    "an array of 1 to " + MAX_OPERATIONS + " operations");
        }
        return call.stores().executeTransaction(s -> {
            List<Task> results = new ArrayList<>();
            for (int i = 0; i < ops.size(); i++) {
                String where = "operations[" + i + "].";
                try {
                    results.add(run(call, s, ops.get(i)));
                } catch (InvalidFieldException e) {
                    throw e.within(where);
                } catch (FlowbaseException e) {
                    throw new FlowbaseException(
                            e.code(),
                            where.substring(0, where.length() - 1) + " ("
                                    + ops.get(i).op() + "): " + e.getMessage(),
                            e);
                }
            }
            return new Committed(results);
        });
    }

    private static Task run(Call call, Stores s, Operation op) {
        if (op == null || op.op() == null) {
            throw new InvalidFieldException("op", "null", OPERATIONS);
        }
        return switch (op.op()) {
            case "insertTask" -> insert(call, s, op);
            case "updateTaskStatus" ->
                TaskRoutes.changeStatus(
                        call.queue().withStores(s),
                        owned(call, s, op).id(),
                        new TaskRoutes.StatusChange(op.status(), op.result(), op.output(), op.error()));
            case "requeueFailedTask" ->
                call.queue().withStores(s).requeue(owned(call, s, op).id());
            case "cancelTask" ->
                call.queue().withStores(s).cancel(owned(call, s, op).id());
            default -> throw new InvalidFieldException("op", "'" + op.op() + "'", OPERATIONS);
        };
    }

    private static Task insert(Call call, Stores s, Operation op) {
        if (op.task() == null) {
            throw new InvalidFieldException("task", "null", "the task to insert, as POST /api/tasks takes it");
        }
        List<UUID> parents =
                op.task().dependsOn() == null ? List.of() : op.task().dependsOn();
        NewTask task;
        try {
            task = TaskRoutes.toNew(call, op.task());
        } catch (InvalidFieldException e) {
            throw e.within("task.");
        }
        return call.queue().withStores(s).enqueue(task, parents);
    }

    private static Task owned(Call call, Stores s, Operation op) {
        if (op.id() == null) {
            throw new InvalidFieldException("id", "null", "the id of the task");
        }
        try {
            return TaskRoutes.owned(call, s, op.id());
        } catch (NotFoundException e) {
            throw new NotFoundException("id", "task", op.id()); // named as the operation names it
        }
    }
}
