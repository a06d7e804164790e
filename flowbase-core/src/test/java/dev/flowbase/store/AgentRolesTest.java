package dev.flowbase.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.flowbase.db.Database;
import dev.flowbase.testing.EngineTest;

class AgentRolesTest {

    private static AgentRole role(StoreFixture f, String name) {
        return f.stores
                .agentRoles()
                .create(new AgentRole.New(f.org, name, null, "You are the " + name + ".", "gpt-4o", null, null, null));
    }

    @EngineTest
    void aDependencyThatWouldCloseACycleIsRefusedNamingTheCycle(Database db) {
        var f = new StoreFixture(db);
        AgentRole planner = role(f, "planner");
        AgentRole coder = role(f, "coder");
        AgentRole reviewer = role(f, "reviewer");
        f.stores.agentRoles().addDependency(coder.id(), planner.id());
        f.stores.agentRoles().addDependency(reviewer.id(), coder.id());

        var cycle = catchThrowableOfType(
                InvalidTransitionException.class,
                () -> f.stores.agentRoles().addDependency(planner.id(), reviewer.id()));
        var self = catchThrowableOfType(
                InvalidTransitionException.class, () -> f.stores.agentRoles().addDependency(coder.id(), coder.id()));

        assertThat(cycle.getMessage())
                .isEqualTo("agent role planner cannot depend on reviewer: that would make a cycle"
                        + " planner → reviewer → coder → planner");
        assertThat(self.getMessage()).contains("cycle coder → coder");
        assertThat(f.stores.agentRoles().dependencies(reviewer.id()))
                .extracting(AgentRole::name)
                .containsExactly("coder");
        assertThat(f.count("agent_role_dependencies")).isEqualTo(2);
    }

    @EngineTest
    void aRoleOthersDependOnIsNotDeleted(Database db) {
        var f = new StoreFixture(db);
        AgentRole planner = role(f, "planner");
        AgentRole coder = role(f, "coder");
        f.stores.agentRoles().addDependency(coder.id(), planner.id());

        var refused = catchThrowableOfType(
                InvalidTransitionException.class, () -> f.stores.agentRoles().delete(planner.id()));
        f.stores.agentRoles().delete(coder.id());
        f.stores.agentRoles().delete(planner.id());

        assertThat(refused.getMessage()).isEqualTo("agent role planner cannot be deleted: coder depend on it");
        assertThat(f.count("agent_roles")).isZero();
    }

    @EngineTest
    void publishingKeepsEveryVersionReadableAndTheLookupByNameSeesTheDraft(Database db) {
        var f = new StoreFixture(db);
        AgentRole coder = role(f, "coder");
        f.stores.agentRoles().publish(coder.id(), "first", null);
        AgentRole edited = f.stores
                .agentRoles()
                .update(f.stores.agentRoles().get(coder.id()).withSystemPrompt("Write tests first."));
        f.stores.agentRoles().publish(coder.id(), "tests first", null);

        assertThat(f.stores.agentRoles().version(coder.id(), 1).systemPrompt()).isEqualTo("You are the coder.");
        assertThat(f.stores.agentRoles().version(coder.id(), 2).systemPrompt()).isEqualTo("Write tests first.");
        assertThat(f.stores.agentRoles().findByName(f.org, "coder"))
                .map(AgentRole::currentVersion)
                .contains(2);
        assertThat(edited.lockVersion()).isEqualTo(3);
        var stale = catchThrowableOfType(
                ConflictException.class, () -> f.stores.agentRoles().update(edited.withModel("o3")));
        assertThat(stale.getMessage()).contains("expected lock_version 3, it is now 4");
    }
}
