package dev.flowbase.seed;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Examples to explore a development database with: three agent roles that depend on each other
 * (planner, coder, reviewer), and a workflow whose tasks form a small DAG run by those roles.
 */
final class DevelopmentExamplesSeed implements Seed {

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
    public void apply(SeedWriter writer) {
        UUID org = DefaultsSeed.defaultOrganization(writer);
        UUID planner = role(writer, org, PLANNER);
        UUID coder = role(writer, org, CODER);
        UUID reviewer = role(writer, org, REVIEWER);
        writer.ensure(
                "agent_role_dependencies",
                Map.of("agent_role_id", coder, "depends_on_agent_role_id", planner),
                Map.of());
        writer.ensure(
                "agent_role_dependencies",
                Map.of("agent_role_id", reviewer, "depends_on_agent_role_id", coder),
                Map.of());

        UUID workflow = writer.ensure(
                "workflows",
                Map.of("organization_id", org, "name", "Example: plan, code, review"),
                Map.of(
                        "description", "A three-step agent workflow to try the queue with",
                        "type", "agent-pipeline",
                        "status", "active",
                        "definition", "{\"steps\":[\"plan\",\"code\",\"review\"]}",
                        "tags", "[\"example\"]",
                        "version", 1));
        writer.ensure(
                "workflow_versions",
                Map.of("workflow_id", workflow, "version", 1),
                Map.of("definition", "{\"steps\":[\"plan\",\"code\",\"review\"]}", "change_note", "First version"));
        UUID plan = task(writer, org, workflow, planner, "plan", 1);
        UUID code = task(writer, org, workflow, coder, "code", 2);
        UUID review = task(writer, org, workflow, reviewer, "review", 3);
        writer.ensure("task_dependencies", Map.of("task_id", code, "depends_on_task_id", plan), Map.of());
        writer.ensure("task_dependencies", Map.of("task_id", review, "depends_on_task_id", code), Map.of());
    }

    private static UUID role(SeedWriter writer, UUID org, Role role) {
        UUID id = writer.ensure(
                "agent_roles",
                Map.of("organization_id", org, "name", role.name()),
                Map.of(
                        "description", role.description(),
                        "system_prompt", role.prompt(),
                        "model", role.model(),
                        "status", "active",
                        "current_version", 1));
        writer.ensure(
                "agent_role_versions",
                Map.of("agent_role_id", id, "version", 1),
                Map.of("system_prompt", role.prompt(), "model", role.model(), "change_note", "First version"));
        return id;
    }

    private static UUID task(SeedWriter writer, UUID org, UUID workflow, UUID role, String name, int order) {
        return writer.ensure(
                "tasks",
                Map.of("workflow_id", workflow, "name", name),
                Map.of(
                        "organization_id", org,
                        "agent_role_id", role,
                        "description", "Example step: " + name,
                        "type", "agent",
                        "execution_order", order));
    }
}
