import { paged, type ListOptions, type Paged } from '../paging.js';
import { segment, type CallOptions, type Transport } from '../transport.js';
import type { NewWorkflow, Task, Workflow, WorkflowChange, WorkflowExecution, WorkflowProgress, WorkflowVersion } from '../types.js';
import { versions } from './versions.js';
import { ifMatch, type WriteOptions } from './write-options.js';

export type WorkflowStatusFilter = 'draft' | 'active' | 'paused' | 'archived';

/** Workflows, their published versions and their runs. */
export function workflows(t: Transport) {
    const path = (id: string, rest = '') => `/api/workflows/${segment('id', id)}${rest}`;
    return {
        create: (workflow: NewWorkflow, o: CallOptions = {}) =>
            t.send<Workflow>({ method: 'POST', path: '/api/workflows', body: workflow, safe: false, ...o }),
        get: (id: string, o: CallOptions = {}) => t.send<Workflow>({ method: 'GET', path: path(id), safe: true, ...o }),
        list: (filter: { status?: WorkflowStatusFilter } = {}, o: ListOptions = {}): Paged<Workflow> =>
            paged<Workflow>(t, '/api/workflows', filter, o),
        /** The workflows whose status is ACTIVE, every page. */
        active: (o: ListOptions = {}) => paged<Workflow>(t, '/api/workflows', { status: 'active' }, o).all(),
        /** Changes the fields given; with `ifMatch` (the lockVersion read) a change made meanwhile is refused with 412. */
        update: (id: string, change: WorkflowChange, o: WriteOptions = {}) =>
            t.send<Workflow>({ method: 'PATCH', path: path(id), body: change, headers: ifMatch(o), safe: false, ...o }),
        delete: (id: string, o: CallOptions = {}) => t.send<void>({ method: 'DELETE', path: path(id), safe: false, ...o }),
        progress: (id: string, o: CallOptions = {}) =>
            t.send<WorkflowProgress>({ method: 'GET', path: path(id, '/progress'), safe: true, ...o }),
        /** The workflow with every task of it, oldest first. */
        withTasks: async (id: string, o: ListOptions = {}): Promise<Workflow & { tasks: Task[] }> => {
            const workflow = await t.send<Workflow>({ method: 'GET', path: path(id), safe: true, ...o });
            const tasks = await paged<Task>(t, '/api/tasks', { workflowId: id }, o).all();
            return { ...workflow, tasks };
        },
        versions: versions<WorkflowVersion>(t, path),
        /** Starts a run of the workflow. */
        run: (id: string, input?: unknown, o: CallOptions = {}) =>
            t.send<WorkflowExecution>({ method: 'POST', path: path(id, '/executions'), body: { input }, safe: false, ...o }),
        runs: (id: string, o: ListOptions = {}): Paged<WorkflowExecution> => paged<WorkflowExecution>(t, path(id, '/executions'), {}, o),
        execution: (runId: string, o: CallOptions = {}) =>
            t.send<WorkflowExecution>({ method: 'GET', path: `/api/executions/${segment('runId', runId)}`, safe: true, ...o }),
        cancelRun: (runId: string, o: CallOptions = {}) =>
            t.send<WorkflowExecution>({ method: 'POST', path: `/api/executions/${segment('runId', runId)}/cancel`, safe: false, ...o }),
    };
}
