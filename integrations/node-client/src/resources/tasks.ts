import { paged, type ListOptions, type Paged } from '../paging.js';
import { segment, type CallOptions, type Transport } from '../transport.js';
import type { NewTask, StatusChange, Task, TaskAttempt } from '../types.js';

export type TaskStatusFilter = 'pending' | 'ready' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'dead';

export interface TaskFilter {
    status?: TaskStatusFilter;
    queue?: string;
    workflowId?: string;
}

/** Tasks: enqueue, read, list, and move them by hand (workers use `client.queues` and `client.work`). */
export function tasks(t: Transport) {
    const path = (id: string, rest = '') => `/api/tasks/${segment('id', id)}${rest}`;
    return {
        /** Enqueues a task; with an idempotencyKey it is safe to repeat (the same key answers the same task), so it is retried. */
        create: (task: NewTask, o: CallOptions = {}) =>
            t.send<Task>({ method: 'POST', path: '/api/tasks', body: task, safe: Boolean(task?.idempotencyKey), ...o }),
        /** Enqueues many tasks in one transaction (no dependencies); retried only when every task has an idempotencyKey. */
        createMany: (list: NewTask[], o: CallOptions = {}) =>
            t.send<{ enqueued: number }>({
                method: 'POST',
                path: '/api/tasks/batch',
                body: { tasks: list },
                safe: Array.isArray(list) && list.every((x) => Boolean(x?.idempotencyKey)),
                ...o,
            }),
        get: (id: string, o: CallOptions = {}) => t.send<Task>({ method: 'GET', path: path(id), safe: true, ...o }),
        list: (filter: TaskFilter = {}, o: ListOptions = {}): Paged<Task> => paged<Task>(t, '/api/tasks', { ...filter }, o),
        /** The tasks ready to run now, of one workflow or of all. */
        runnable: (workflowId?: string, o: ListOptions = {}) => paged<Task>(t, '/api/tasks', { status: 'ready', workflowId }, o).all(),
        attempts: (id: string, o: CallOptions = {}) => t.send<TaskAttempt[]>({ method: 'GET', path: path(id, '/attempts'), safe: true, ...o }),
        /** Moves a task to a state its life cycle allows (409 invalid-transition names those it may take); no lease is checked. */
        setStatus: (id: string, status: string, outcome: Omit<StatusChange, 'status'> = {}, o: CallOptions = {}) =>
            t.send<Task>({ method: 'POST', path: path(id, '/status'), body: { status, ...outcome }, safe: false, ...o }),
        requeue: (id: string, o: CallOptions = {}) => t.send<Task>({ method: 'POST', path: path(id, '/requeue'), safe: false, ...o }),
        cancel: (id: string, o: CallOptions = {}) => t.send<Task>({ method: 'POST', path: path(id, '/cancel'), safe: false, ...o }),
    };
}
