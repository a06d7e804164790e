import type { FlowbaseError } from './errors.js';
import type { Task } from './types.js';

/** The worker's options, counters and events (src/worker.ts runs them). */

export interface WorkOptions {
    /** Tasks handled at once (default 1). */
    concurrency?: number;
    /** Tasks taken per claim at most (default: concurrency; at most 100, the server's limit). */
    batch?: number;
    /** Lease per claim; renewed every third of it while the handler runs (default 30). */
    leaseSeconds?: number;
    /** Names this worker in the tasks' attempts (default node-<pid>). */
    worker?: string;
    /** First pause when the queue is empty, doubled up to maxPollMs (defaults 250 and 2000). */
    pollMs?: number;
    maxPollMs?: number;
    /** How long stop() waits for running handlers before giving their tasks back (default 10000). */
    graceMs?: number;
    /** Stop (and give tasks back) on SIGTERM (default true). */
    stopOnSigterm?: boolean;
    /**
     * How long a finished task's report waits for others to share its call to POST
     * /api/tasks/settle (default 5); a call goes at once when it has `batch` reports. That call
     * also claims the next tasks for the room it makes, so a busy worker spends one call per batch.
     */
    settleMs?: number;
}

export interface TaskContext {
    attempt: number;
    /** Aborted when the lease is lost (taken over or cancelled) or the worker gives the task back on stop. */
    signal: AbortSignal;
}

export type Handler = (task: Task, context: TaskContext) => unknown | Promise<unknown>;

export interface WorkerCounters {
    claims: number;
    claimed: number;
    completed: number;
    failed: number;
    /** Completions or failures refused because the lease had been taken over: the 'late' event tells which. */
    late: number;
    released: number;
    errors: number;
    running: number;
}

/** A report the server refused because the task had moved past this worker's attempt. */
export interface LateReport {
    task: Task;
    attempt: number;
    outcome: 'complete' | 'fail';
    error: FlowbaseError;
}
