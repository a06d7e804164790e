package dev.flowbase.store;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The organization rule, written once for every store: a caller ({@link Stores#within}) sees and
 * names only its own organization's rows, and a row written for an organization refers only to
 * rows of that organization. A row of another organization is answered as if it did not exist,
 * so an id never tells whether it is used elsewhere.
 */
final class Tenancy {
    /** The tables whose every row belongs to one organization ({@code organization_id NOT NULL}). */
    static final Set<String> OWNED =
            Set.of("users", "api_keys", "agent_roles", "workflows", "workflow_executions", "tasks", "task_executions");

    /**
     * Off only in the test that proves PostgreSQL's row-level security holds where this filter is
     * missing (RowLevelSecurityTest); never switched by Flowbase itself.
     */
    static volatile boolean filtering = true;

    private Tenancy() {}

    /** The condition {@link Rows#byId} adds for a caller: only its organization's rows ({@code :tenant}). */
    static String predicate(Tx tx, String table) {
        return filtering && tx.tenant != null && OWNED.contains(table) ? " AND organization_id = :tenant" : "";
    }

    /** Whether the caller may see a row of {@code table} of {@code organizationId}: {@link #predicate} checked on a row read. */
    static boolean sees(Tx tx, String table, UUID organizationId) {
        return predicate(tx, table).isEmpty() || tx.tenant.equals(organizationId);
    }

    /** Refuses a row written for another organization than the caller's, as if that organization did not exist. */
    static void requireCaller(Tx tx, UUID organizationId) {
        if (tx.tenant != null && !tx.tenant.equals(organizationId)) {
            throw new NotFoundException("organizationId", "organization", organizationId);
        }
    }

    /**
     * Refuses {@code id}, named by {@code field} of a row being written for {@code organizationId},
     * unless it is a row of {@code table} in that organization. Nothing to check when it is null.
     */
    static void require(Handle h, UUID organizationId, Reference ref, String field, UUID id) {
        if (id == null) {
            return;
        }
        Optional<UUID> owner = h.createQuery("SELECT organization_id FROM " + ref.table + " WHERE id = :id")
                .bind("id", id)
                .mapTo(UUID.class)
                .findOne();
        if (owner.isEmpty() || !owner.get().equals(organizationId)) {
            throw new NotFoundException(field, ref.entity, id);
        }
    }

    /**
     * A new task's references (its workflow, run, agent role and parents), each in the task's
     * organization, which must be the caller's. The fields are named as the API's body names them.
     */
    static void requireTask(Tx tx, Handle h, NewTask task, Collection<UUID> parents) {
        requireCaller(tx, task.organizationId());
        UUID org = task.organizationId();
        require(h, org, Reference.WORKFLOW, "workflowId", task.workflowId());
        require(h, org, Reference.EXECUTION, "workflowExecutionId", task.workflowExecutionId());
        require(h, org, Reference.AGENT_ROLE, "agentRoleId", task.agentRoleId());
        for (UUID parent : parents) {
            require(h, org, Reference.TASK, "dependsOn", parent);
        }
    }

    /** As {@link #requireTask} for a batch: each distinct reference is read once. */
    static void requireTasks(Tx tx, Handle h, List<NewTask> tasks) {
        Set<List<Object>> checked = new HashSet<>();
        for (NewTask t : tasks) {
            if (checked.add(
                    Arrays.asList(t.organizationId(), t.workflowId(), t.workflowExecutionId(), t.agentRoleId()))) {
                requireTask(tx, h, t, List.of());
            }
        }
    }

    /** What an id in a write may name. */
    enum Reference {
        TASK("tasks", "task"),
        WORKFLOW("workflows", "workflow"),
        EXECUTION("workflow_executions", "workflow execution"),
        AGENT_ROLE("agent_roles", "agent role");

        final String table;
        final String entity;

        Reference(String table, String entity) {
            this.table = table;
            this.entity = entity;
        }
    }
}
