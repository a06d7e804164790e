package dev.flowbase.store;

import java.util.List;

/** A workflow with its tasks (in execution order) and the edges between them. */
public record WorkflowWithTasks(Workflow workflow, List<Task> tasks, List<TaskDependency> dependencies) {}
