package dev.flowbase.gdpr;

import dev.flowbase.db.Database;
import dev.flowbase.queue.Lease;
import dev.flowbase.queue.Queue;
import dev.flowbase.store.AccessRole;
import dev.flowbase.store.Actor;
import dev.flowbase.store.AgentRole;
import dev.flowbase.store.Configuration;
import dev.flowbase.store.LogEntry;
import dev.flowbase.store.Stores;
import dev.flowbase.store.Task;
import dev.flowbase.store.TaskOutcome;
import dev.flowbase.store.User;
import dev.flowbase.store.Workflow;
import dev.flowbase.util.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One organization holding a row of every kind an organization can own, each carrying its marker
 * word where a person's data would be (an e-mail, a name, prompts, parameters, outputs, log lines,
 * audit labels), and the ids of those rows.
 */
record GdprFixture(UUID org, String slug, String marker, List<String> ids) {
    static GdprFixture fill(Database db, String slug) {
        String marker = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Stores plain = Stores.create(db);
        UUID org = plain.organizations().create("Org " + marker, slug).id();
        User user = plain.users().create(org, marker + "@example.com", "Name " + marker, AccessRole.ADMIN);
        Stores stores = plain.as(Actor.user(user.id(), "user " + marker));
        List<String> ids = new ArrayList<>(List.of(org.toString(), user.id().toString()));
        ids.add(stores.apiKeys()
                .create(org, "key of " + marker, AccessRole.OPERATOR, user.id())
                .key()
                .id()
                .toString());
        AgentRole role = stores.agentRoles()
                .create(new AgentRole.New(
                        org, "role-" + marker, "about " + marker, "prompt " + marker, null, null, null, user.id()));
        AgentRole helper = stores.agentRoles()
                .create(new AgentRole.New(org, "helper-" + marker, null, "help " + marker, null, null, null, null));
        stores.agentRoles().publish(role.id(), "note " + marker, user.id());
        stores.agentRoles().addDependency(role.id(), helper.id());
        Workflow parent = stores.workflows()
                .create(new Workflow.New(org, "wf-" + marker, "desc " + marker, null, null, null, null, user.id()));
        Workflow child = stores.workflows().create(Workflow.New.named(org, "child-" + marker));
        db.execute(
                "Linking the child workflow",
                "UPDATE workflows SET parent_workflow_id = (SELECT w.id FROM (SELECT id FROM workflows WHERE name = 'wf-"
                        + marker + "') w) WHERE name = 'child-" + marker + "'");
        stores.workflows().publish(parent.id(), "change " + marker, user.id());
        var run = stores.executions().startWorkflow(parent.id(), Json.read("{\"who\":\"" + marker + "\"}"), user.id());
        Queue queue = Queue.create(db).withStores(stores);
        String queueName = "q-" + marker;
        Task first = queue.enqueue(dev.flowbase.store.NewTask.named(org, "first " + marker)
                .inQueue(queueName)
                .inWorkflow(parent.id())
                .inExecution(run.id())
                .withAgentRole(role.id())
                .describedAs("about " + marker)
                .withParameters(Json.read("{\"prompt\":\"" + marker + "\"}")));
        Task second = queue.enqueue(
                dev.flowbase.store.NewTask.named(org, "second " + marker).inQueue(queueName), List.of(first.id()));
        Task waiting = queue.enqueue(
                dev.flowbase.store.NewTask.named(org, "waiting " + marker).inQueue(queueName + "-x"));
        List<Lease> leases = queue.claim(queueName, 1, "worker " + marker, Duration.ofMinutes(5));
        queue.complete(leases.getFirst(), TaskOutcome.result(Json.read("{\"said\":\"" + marker + "\"}")));
        stores.configurations()
                .put(org, "setting." + marker, "value " + marker, Configuration.Type.STRING, false, "about " + marker);
        stores.logs()
                .append(new LogEntry.New(
                        LogEntry.Level.INFO, "test", "line " + marker, null, org, parent.id(), run.id(), null, null));
        // A line Flowbase wrote without an organization, about one of its tasks.
        stores.logs()
                .append(LogEntry.New.of(LogEntry.Level.WARN, "flowbase", "own line " + marker)
                        .forTask(second.id()));
        // An entry of the installation's (no organization) whose actor is this organization's user.
        stores.audit().record(null, "test.installation", "component", "gdpr-" + marker.substring(0, 4), null, null);
        stores.pageSessions()
                .open(
                        "session-" + marker,
                        UUID.fromString(ids.get(2)),
                        "{\"who\":\"" + marker + "\"}",
                        Instant.now(),
                        Instant.now().plus(Duration.ofHours(1)));
        for (UUID id : List.of(
                role.id(), helper.id(), parent.id(), child.id(), run.id(), first.id(), second.id(), waiting.id())) {
            ids.add(id.toString());
        }
        return new GdprFixture(org, slug, marker, List.copyOf(ids));
    }
}
