package dev.flowbase.store;

import dev.flowbase.util.Json;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Workflows and their published versions. */
public final class WorkflowStore {
    private final Tx tx;
    private final String insert;
    private final String insertVersion;

    WorkflowStore(Tx tx) {
        this.tx = tx;
        this.insert = Rows.insert(
                tx,
                "workflows",
                "id",
                "organization_id",
                "name",
                "description",
                "type",
                "status",
                "priority",
                "definition",
                "configuration",
                "environment_variables",
                "tags",
                "version",
                "metadata",
                "created_by",
                "parent_workflow_id",
                "scheduled_at",
                "started_at",
                "completed_at",
                "timeout_seconds",
                "lock_version",
                "created_at",
                "updated_at");
        this.insertVersion = Rows.insert(
                tx,
                "workflow_versions",
                "id",
                "workflow_id",
                "version",
                "definition",
                "configuration",
                "change_note",
                "created_by",
                "created_at");
    }

    public Workflow create(Workflow.New w) {
        Checks.required("organizationId", w.organizationId());
        Checks.notBlank("name", w.name());
        Limits.workflow(w.name(), w.description(), w.type(), w.definition(), w.tags());
        return tx.write("Creating workflow " + w.name(), h -> {
            Instant now = tx.now();
            var created = new Workflow(
                    tx.newId(now),
                    w.organizationId(),
                    w.name(),
                    w.description(),
                    Checks.orDefault(w.type(), "general"),
                    Workflow.Status.DRAFT,
                    Checks.orDefault(w.priority(), 0),
                    Checks.orDefault(w.definition(), Json.emptyObject()),
                    Json.emptyObject(),
                    Json.emptyObject(),
                    Checks.orDefault(w.tags(), Json.emptyArray()),
                    null,
                    Json.emptyObject(),
                    w.createdBy(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    1,
                    now,
                    now);
            h.createUpdate(insert).bindMethods(created).execute();
            tx.auditor.record(
                    h, now, created.organizationId(), "workflow.create", "workflow", created.id(), null, created);
            return created;
        });
    }

    public Workflow get(UUID id) {
        return tx.read("Reading workflow " + id, h -> Rows.byId(tx, h, "workflows", id, Workflow.class))
                .orElseThrow(() -> new NotFoundException("workflow", id));
    }

    /** The organization's workflow of this name (names are not unique: the oldest one). */
    public Optional<Workflow> findByName(UUID organizationId, String name) {
        return tx.read(
                "Reading workflow " + name,
                h -> h.createQuery("SELECT * FROM workflows"
                                + " WHERE organization_id = :org AND name = :name ORDER BY created_at, id LIMIT 1")
                        .bind("org", organizationId)
                        .bind("name", name)
                        .map(tx.rows(Workflow.class))
                        .findOne());
    }

    /** Workflows of an organization, optionally of one status, oldest first. */
    public Page<Workflow> list(UUID organizationId, Workflow.Status status, PageRequest page) {
        String filter = "organization_id = :org" + (status == null ? "" : " AND status = :status");
        return tx.read(
                "Listing workflows",
                h -> Keyset.OLDEST_FIRST.fetch(
                        tx,
                        h,
                        "workflows",
                        filter,
                        page,
                        Workflow.class,
                        q -> q.bind("org", organizationId).bind("status", status)));
    }

    /** The organization's active workflows, by priority (highest first), then name. */
    public List<Workflow> getActiveWorkflows(UUID organizationId) {
        return tx.read(
                "Listing active workflows",
                h -> h.createQuery(
                                "SELECT * FROM workflows"
                                        + " WHERE organization_id = :org AND status = 'active' ORDER BY priority DESC, name, id")
                        .bind("org", organizationId)
                        .map(tx.rows(Workflow.class))
                        .list());
    }

    /**
     * Saves the draft's fields, if nobody changed the workflow since {@code changed} was read.
     *
     * @throws ConflictException when its lock_version is no longer {@code changed.lockVersion()}
     */
    public Workflow update(Workflow changed) {
        Limits.workflow(changed.name(), changed.description(), changed.type(), changed.definition(), changed.tags());
        Limits.json("metadata", changed.metadata());
        return tx.write("Updating workflow " + changed.id(), h -> {
            Workflow before = get(changed.id());
            Instant now = tx.now();
            int n = h.createUpdate("UPDATE workflows SET name = :name, description = :description, type = :type,"
                            + " status = :status, priority = :priority, definition = :definition,"
                            + " configuration = :configuration, environment_variables = :environmentVariables,"
                            + " tags = :tags, metadata = :metadata, scheduled_at = :scheduledAt,"
                            + " timeout_seconds = :timeoutSeconds, lock_version = lock_version + 1,"
                            + " updated_at = :now WHERE id = :id AND lock_version = :lockVersion")
                    .bindMethods(changed)
                    .bind("now", now)
                    .execute();
            Locking.requireUpdated(tx, h, n, "workflows", "workflow", changed.id(), changed.lockVersion());
            Workflow after = get(changed.id());
            tx.auditor.record(h, now, after.organizationId(), "workflow.update", "workflow", after.id(), before, after);
            return after;
        });
    }

    /** Publishes the draft's definition as the next version; older versions stay readable. */
    public WorkflowVersion publish(UUID workflowId, String changeNote, UUID by) {
        return tx.write("Publishing workflow " + workflowId, h -> {
            Workflow w = get(workflowId);
            Instant now = tx.now();
            int next = w.version() == null ? 1 : w.version() + 1;
            var version = new WorkflowVersion(
                    tx.newId(now), workflowId, next, w.definition(), w.configuration(), changeNote, by, now);
            h.createUpdate(insertVersion).bindMethods(version).execute();
            h.createUpdate("UPDATE workflows SET version = :v, lock_version = lock_version + 1, updated_at = :now"
                            + " WHERE id = :id")
                    .bind("v", next)
                    .bind("now", now)
                    .bind("id", workflowId)
                    .execute();
            tx.auditor.record(h, now, w.organizationId(), "workflow.publish", "workflow", workflowId, null, version);
            return version;
        });
    }

    public WorkflowVersion version(UUID workflowId, int version) {
        return tx.read(
                        "Reading workflow " + workflowId + " version " + version,
                        h -> h.createQuery("SELECT * FROM workflow_versions WHERE workflow_id = :id AND version = :v")
                                .bind("id", workflowId)
                                .bind("v", version)
                                .map(tx.rows(WorkflowVersion.class))
                                .findOne())
                .orElseThrow(() -> new NotFoundException("workflow version", workflowId + "@" + version));
    }

    public List<WorkflowVersion> versions(UUID workflowId) {
        return tx.read(
                "Reading workflow versions",
                h -> h.createQuery("SELECT * FROM workflow_versions WHERE workflow_id = :id ORDER BY version")
                        .bind("id", workflowId)
                        .map(tx.rows(WorkflowVersion.class))
                        .list());
    }

    /** The workflow, its tasks in execution order and the dependencies between them, read together. */
    public WorkflowWithTasks getWithTasks(UUID workflowId) {
        return tx.write(
                "Reading workflow " + workflowId + " with its tasks",
                h -> new WorkflowWithTasks(
                        get(workflowId),
                        h.createQuery(
                                        "SELECT * FROM tasks WHERE workflow_id = :id ORDER BY execution_order, created_at, id")
                                .bind("id", workflowId)
                                .map(tx.rows(Task.class))
                                .list(),
                        h.createQuery("SELECT d.* FROM task_dependencies d JOIN tasks t ON t.id = d.task_id"
                                        + " WHERE t.workflow_id = :id ORDER BY d.created_at, d.id")
                                .bind("id", workflowId)
                                .map(tx.rows(TaskDependency.class))
                                .list()));
    }

    /** Deletes the workflow with its versions, runs and tasks (archive it instead to keep history). */
    public void delete(UUID workflowId) {
        tx.write("Deleting workflow " + workflowId, h -> {
            Workflow w = get(workflowId);
            h.createUpdate("DELETE FROM workflows WHERE id = :id")
                    .bind("id", workflowId)
                    .execute();
            tx.auditor.record(h, tx.now(), w.organizationId(), "workflow.delete", "workflow", workflowId, w, null);
            return null;
        });
    }
}
