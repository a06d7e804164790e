import type { Client } from '../index.js';
import type { NewTask, NewWorkflow, Task, Workflow } from '../types.js';
import { keepIn, mapFields, seedRow } from './fields.js';

// Seed 004's fields and where each goes: the API's field, or kept in a JSON column (README table).
const WORKFLOW_API: Record<string, string> = {
    name: 'name',
    description: 'description',
    type: 'type',
    priority: 'priority',
    definition: 'definition',
    tags: 'tags',
};
/** Set by a PATCH right after the create: a new workflow is a DRAFT. */
const WORKFLOW_AFTER = ['status', 'timeout_seconds'];
const WORKFLOW_KEPT = ['configuration', 'environment_variables', 'created_by', 'metadata', 'parent_workflow_id', 'scheduled_at'];

const TASK_API: Record<string, string> = {
    workflow_id: 'workflowId',
    name: 'name',
    description: 'description',
    type: 'type',
    priority: 'priority',
    parameters: 'parameters',
    depends_on: 'dependsOn',
    timeout_seconds: 'timeoutSeconds',
    max_retries: 'maxRetries',
    queue: 'queue',
    idempotency_key: 'idempotencyKey',
    run_at: 'runAt',
    agent_role_id: 'agentRoleId',
    workflow_execution_id: 'workflowExecutionId',
};
const TASK_KEPT = ['command', 'execution_order', 'created_by', 'environment', 'working_directory', 'estimated_duration_seconds'];

export type SeedRow = Record<string, unknown>;

const workflowRow = (w: Workflow) => seedRow(w, 'definition');
const taskRow = (t: Task) => seedRow(t, 'parameters');

/** Seed 004's WorkflowModel: its method names and argument shapes, answers as rows in snake_case. */
export function workflowModel(client: Client) {
    return {
        async createWorkflow(data: SeedRow): Promise<SeedRow> {
            const { api, kept } = mapFields('workflow', data, { ...WORKFLOW_API, ...Object.fromEntries(WORKFLOW_AFTER.map((f) => [f, f])) }, WORKFLOW_KEPT);
            const { status, timeout_seconds: timeoutSeconds, ...create } = api;
            create.definition = keepIn('workflow.definition', create.definition, kept);
            let w = await client.workflows.create(create as NewWorkflow);
            const later = {
                status: status === undefined || String(status).toUpperCase() === 'DRAFT' ? undefined : String(status).toUpperCase(),
                timeoutSeconds,
            };
            if (later.status !== undefined || later.timeoutSeconds !== undefined) {
                w = await client.workflows.update(w.id as string, later as never, { ifMatch: w.lockVersion });
            }
            return workflowRow(w);
        },
        async findById(id: string): Promise<SeedRow> {
            return workflowRow(await client.workflows.get(id));
        },
        async getActiveWorkflows(): Promise<SeedRow[]> {
            return (await client.workflows.active()).map(workflowRow);
        },
        async getWithTasks(id: string): Promise<SeedRow> {
            const { tasks, ...w } = await client.workflows.withTasks(id);
            return { ...workflowRow(w as Workflow), tasks: tasks.map(taskRow) };
        },
        async getProgress(id: string): Promise<SeedRow> {
            const p = await client.workflows.progress(id);
            const by = (p.byStatus ?? {}) as Record<string, number | null>;
            const count = (s: string) => by[s] ?? 0;
            return {
                workflow_id: p.workflowId,
                total_tasks: p.total,
                completed_tasks: count('SUCCEEDED'),
                failed_tasks: count('FAILED') + count('DEAD'),
                running_tasks: count('RUNNING'),
                pending_tasks: count('PENDING') + count('READY'),
                progress_percentage: p.percentDone,
                by_status: by,
            };
        },
    };
}

/** Seed 004's TaskModel. */
export function taskModel(client: Client) {
    return {
        async createTask(data: SeedRow): Promise<SeedRow> {
            const { api, kept } = mapFields('task', data, TASK_API, TASK_KEPT);
            api.parameters = keepIn('task.parameters', api.parameters, kept);
            return taskRow(await client.tasks.create(api as NewTask));
        },
        async findById(id: string): Promise<SeedRow> {
            return taskRow(await client.tasks.get(id));
        },
        async getRunnableTasks(workflowId?: string): Promise<SeedRow[]> {
            return (await client.tasks.runnable(workflowId)).map(taskRow);
        },
        async updateStatus(id: string, status: string, outcome: { result?: unknown; output?: string; error?: string } = {}): Promise<SeedRow> {
            return taskRow(await client.tasks.setStatus(id, status.toLowerCase(), outcome));
        },
    };
}
