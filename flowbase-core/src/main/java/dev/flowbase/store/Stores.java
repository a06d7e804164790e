package dev.flowbase.store;

import dev.flowbase.cache.EventBus;
import dev.flowbase.db.Database;
import dev.flowbase.security.SecretBox;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The front door of the data layer: one store per aggregate of the core schema.
 *
 * <pre>{@code
 * Stores stores = Stores.create(database).withSecretBox(box);
 * Workflow w = stores.workflows().create(Workflow.New.named(org, "nightly report"));
 * stores.executeTransaction(s -> {            // all or nothing
 *     Queue q = queue.withStores(s);
 *     Task fetch = q.enqueue(NewTask.named(org, "fetch").inWorkflow(w.id()));
 *     return q.enqueue(NewTask.named(org, "summarise").inWorkflow(w.id()), List.of(fetch.id()));
 * });
 * }</pre>
 *
 * Immutable: {@link #withClock}, {@link #withSecretBox}, {@link #withEvents}, {@link #as} and
 * {@link #within} return new instances.
 */
public final class Stores {
    /** Which store owns each table of the core schema (a test keeps this in step with the schema). */
    public static final Map<String, String> TABLE_OWNERS = Map.ofEntries(
            Map.entry("organizations", "organizations"),
            Map.entry("users", "users"),
            Map.entry("api_keys", "apiKeys"),
            Map.entry("page_sessions", "pageSessions"),
            Map.entry("agent_roles", "agentRoles"),
            Map.entry("agent_role_versions", "agentRoles"),
            Map.entry("agent_role_dependencies", "agentRoles"),
            Map.entry("workflows", "workflows"),
            Map.entry("workflow_versions", "workflows"),
            Map.entry("tasks", "tasks"),
            Map.entry("task_dependencies", "tasks"),
            Map.entry("task_queue", "tasks"),
            Map.entry("workflow_executions", "executions"),
            Map.entry("task_executions", "executions"),
            Map.entry("logs", "logs"),
            Map.entry("audit_log", "audit"),
            Map.entry("configurations", "configurations"),
            Map.entry("components", "components"),
            Map.entry("system_metrics", "metrics"),
            Map.entry("seed_runs", "seedRuns"));

    private final Tx tx;
    private final OrganizationStore organizations;
    private final UserStore users;
    private final ApiKeyStore apiKeys;
    private final AgentRoleStore agentRoles;
    private final WorkflowStore workflows;
    private final TaskStore tasks;
    private final ExecutionStore executions;
    private final LogStore logs;
    private final AuditStore audit;
    private final ConfigurationStore configurations;
    private final ComponentStore components;
    private final MetricStore metrics;
    private final SeedRunStore seedRuns;
    private final PageSessionStore pageSessions;

    private Stores(Tx tx) {
        this.tx = tx;
        this.organizations = new OrganizationStore(tx);
        this.users = new UserStore(tx);
        this.apiKeys = new ApiKeyStore(tx);
        this.agentRoles = new AgentRoleStore(tx);
        this.workflows = new WorkflowStore(tx);
        this.tasks = new TaskStore(tx);
        this.executions = new ExecutionStore(tx);
        this.logs = new LogStore(tx);
        this.audit = new AuditStore(tx);
        this.configurations = new ConfigurationStore(tx);
        this.components = new ComponentStore(tx);
        this.metrics = new MetricStore(tx);
        this.seedRuns = new SeedRunStore(tx);
        this.pageSessions = new PageSessionStore(tx);
    }

    /** Stores on {@code database}, stamping rows with the system clock, without a master key, unaudited. */
    public static Stores create(Database database) {
        return new Stores(
                new Tx(database, InstantSource.system(), Auditor.OFF, new SecretSource(Optional.empty()), null, null));
    }

    /** The database these stores read and write: what the queue over them needs ({@code Queue.create(db).withStores(s)}). */
    public Database database() {
        return tx.db;
    }

    /** The clock that stamps the rows these stores write. */
    public InstantSource clock() {
        return tx.clock;
    }

    /** The same stores stamping rows with {@code clock} (tests inject one instead of sleeping). */
    public Stores withClock(InstantSource clock) {
        return new Stores(tx.with(clock, tx.secrets, tx.events()));
    }

    /** The same stores sealing sensitive configurations with {@code box}. */
    public Stores withSecretBox(SecretBox box) {
        return new Stores(tx.with(tx.clock, new SecretSource(Optional.of(box)), tx.events()));
    }

    /**
     * The same stores publishing the runs they start and cancel ({@code workflow.started},
     * {@code workflow.cancelled}) on {@code events} once committed: what {@code GET /api/events}
     * streams, from any process whose bus reaches the servers' ({@code Flowbase.shared}).
     */
    public Stores withEvents(EventBus events) {
        return new Stores(tx.with(tx.clock, tx.secrets, Objects.requireNonNull(events, "events")));
    }

    /** The same stores writing an audit row for every change {@code actor} makes, in the change's transaction. */
    public Stores as(Actor actor) {
        return as(actor, Origin.NONE);
    }

    /** As {@link #as(Actor)}, the audit rows also naming the request the changes came from. */
    public Stores as(Actor actor, Origin origin) {
        return new Stores(tx.as(actor, origin));
    }

    /**
     * The same stores for a caller acting in {@code organizationId}: a row of another organization
     * named by id, in a path or in the body of a write, is not found ({@link Tenancy}).
     */
    public Stores within(UUID organizationId) {
        return new Stores(tx.within(Objects.requireNonNull(organizationId, "organizationId")));
    }

    /** The organization these stores act in, when a caller's ({@link #within}). */
    public Optional<UUID> organization() {
        return Optional.ofNullable(tx.tenant);
    }

    /**
     * Runs several store calls as one transaction: all of them or none. Run again from the start
     * when the database gave it up as a deadlock, so {@code work} must not have other side effects.
     */
    public <T> T executeTransaction(Function<Stores, T> work) {
        return tx.write("Running a transaction", h -> work.apply(this));
    }

    public OrganizationStore organizations() {
        return organizations;
    }

    public UserStore users() {
        return users;
    }

    public ApiKeyStore apiKeys() {
        return apiKeys;
    }

    public AgentRoleStore agentRoles() {
        return agentRoles;
    }

    public WorkflowStore workflows() {
        return workflows;
    }

    public TaskStore tasks() {
        return tasks;
    }

    public ExecutionStore executions() {
        return executions;
    }

    public LogStore logs() {
        return logs;
    }

    public AuditStore audit() {
        return audit;
    }

    public ConfigurationStore configurations() {
        return configurations;
    }

    public ComponentStore components() {
        return components;
    }

    public MetricStore metrics() {
        return metrics;
    }

    public SeedRunStore seedRuns() {
        return seedRuns;
    }

    /** The admin page's sign-ins, where no Redis keeps them. */
    public PageSessionStore pageSessions() {
        return pageSessions;
    }
}
