import { agentRoles } from './resources/agent-roles.js';
import { components, configurations, logs, monitoring, transactions } from './resources/installation.js';
import { queues } from './resources/queues.js';
import { tasks } from './resources/tasks.js';
import { workflows } from './resources/workflows.js';
import { Transport, type Call, type ClientOptions } from './transport.js';
import { Worker, type Handler, type WorkOptions } from './worker.js';

export { FlowbaseError, type FieldError, type Problem } from './errors.js';
export type { Page, Paged, ListOptions } from './paging.js';
export type { RetryOptions } from './retry.js';
export type { CallOptions, ClientOptions } from './transport.js';
export type { WriteOptions } from './resources/write-options.js';
export type { TaskFilter, TaskStatusFilter } from './resources/tasks.js';
export type { ClaimOptions, NextClaim, Settlement, SettleResult } from './resources/queues.js';
export type { LogFilter } from './resources/installation.js';
export { Worker, type Handler, type LateReport, type TaskContext, type WorkOptions, type WorkerCounters } from './worker.js';
export type * from './types.js';
export type { components, paths } from './generated/openapi.js';

/** A Flowbase client: one namespace per resource of the HTTP API (docs/api.md). */
export function createClient(options: ClientOptions) {
    const t = new Transport(options);
    const q = queues(t);
    const m = monitoring(t);
    return {
        workflows: workflows(t),
        tasks: tasks(t),
        queues: q,
        transactions: transactions(t),
        agentRoles: agentRoles(t),
        logs: logs(t),
        components: components(t),
        configurations: configurations(t),
        health: m.health,
        status: m.status,
        statistics: m.statistics,
        /** Runs `handler` on the tasks of `queue` until stop() (or SIGTERM). */
        work: (queue: string, handler: Handler, o: WorkOptions = {}) => new Worker(q, queue, handler, o).start(),
        /** Any route, for what has no method yet: `safe` says whether it may be retried. */
        request: <T = unknown>(call: Call) => t.send<T>(call),
        /** The server's origin (never the key). */
        origin: t.origin,
    };
}

export type Client = ReturnType<typeof createClient>;
