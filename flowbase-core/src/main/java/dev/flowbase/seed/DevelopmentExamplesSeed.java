package dev.flowbase.seed;

import dev.flowbase.queue.Queue;
import dev.flowbase.store.AgentRole;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.Stores;
import dev.flowbase.store.Task;
import dev.flowbase.store.Workflow;
import dev.flowbase.util.Json;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Examples to explore a development database with: three agent roles that depend on each other
 * (planner, coder, reviewer), and a workflow whose tasks form a small DAG run by those roles.
 */
final class DevelopmentExamplesSeed implements Seed {
    private static final String WORKFLOW = "Example: plan, code, review";

    private record Role(String name, String description, String prompt, String model) {}

    private static final Role PLANNER = new Role(
            "planner",
            "Breaks a goal into ordered, testable steps",
            "You are a planner. Break the goal into small steps, each with a way to check it is done.",
            "gpt-4o");
    private static final Role CODER = new Role(
            "coder",
            "Writes the code for one planned step",
            "You are a careful programmer. Implement exactly the step you are given, with tests.",
            "claude-sonnet");
    private static final Role REVIEWER = new Role(
            "reviewer",
            "Reviews a change against its step and the codebase's conventions",
            "You are a reviewer. Say what must change before this can be merged, and why.",
            "gpt-4o");

    @Override
    public String name() {
        return "development-examples";
    }

    @Override
    public Set<String> environments() {
        return Set.of("development");
    }

    @Override
    public String revision() {
        return "1";
    }

    @Override
    public void apply(Stores stores) {
        UUID org = DefaultsSeed.defaultOrganization(stores);
        UUID planner = role(stores, org, PLANNER);
        UUID coder = role(stores, org, CODER);
        UUID reviewer = role(stores, org, REVIEWER);
        depend(stores, coder, planner);
        depend(stores, reviewer, coder);
        if (stores.workflows().findByName(org, WORKFLOW).isPresent()) {
            return;
        }
        Workflow draft = stores.workflows()
                .create(new Workflow.New(
                        org,
                        WORKFLOW,
                        "A three-step agent workflow to try the queue with",
                        "agent-pipeline",
                        null,
                        Json.read("{\"steps\":[\"plan\",\"code\",\"review\"]}"),
                        Json.read("[\"example\"]"),
                        null));
        stores.workflows().update(draft.withStatus(Workflow.Status.ACTIVE));
        stores.workflows().publish(draft.id(), "First version", null);
        Task plan = task(stores, org, draft.id(), planner, "plan", 1, List.of());
        Task code = task(stores, org, draft.id(), coder, "code", 2, List.of(plan.id()));
        task(stores, org, draft.id(), reviewer, "review", 3, List.of(code.id()));
    }

    private static UUID role(Stores stores, UUID org, Role role) {
        return stores.agentRoles()
                .findByName(org, role.name())
                .map(AgentRole::id)
                .orElseGet(() -> {
                    AgentRole created = stores.agentRoles()
                            .create(new AgentRole.New(
                                    org,
                                    role.name(),
                                    role.description(),
                                    role.prompt(),
                                    role.model(),
                                    null,
                                    null,
                                    null));
                    stores.agentRoles().update(created.withStatus(AgentRole.Status.ACTIVE));
                    stores.agentRoles().publish(created.id(), "First version", null);
                    return created.id();
                });
    }

    private static void depend(Stores stores, UUID role, UUID on) {
        if (stores.agentRoles().dependencies(role).stream().noneMatch(r -> r.id().equals(on))) {
            stores.agentRoles().addDependency(role, on);
        }
    }

    private static Task task(
            Stores stores, UUID org, UUID workflow, UUID role, String name, int order, List<UUID> after) {
        return Queue.create(stores.database())
                .withStores(stores)
                .enqueue(
                        NewTask.named(org, name)
                                .inWorkflow(workflow)
                                .withAgentRole(role)
                                .describedAs("Example step: " + name)
                                .ofType("agent")
                                .withOrder(order),
                        after);
    }
}
