import { EventEmitter } from 'node:events';
import { FlowbaseError } from './errors.js';
import type { queues as queuesOf, Settlement, SettleResult } from './resources/queues.js';
import { sleep } from './retry.js';
import type { Claimed, Task } from './types.js';

export interface WorkOptions {
    /** Tasks handled at once (default 1). */
    concurrency?: number;
    /** Tasks taken per claim at most (default: concurrency, at most 1000). */
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
     * /api/tasks/settle (default 5); a call goes at once when it has min(batch, 100) reports.
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

interface Pending {
    entry: Settlement;
    answer: (r: SettleResult) => void;
}

interface Held {
    claimed: Claimed;
    controller: AbortController;
    heartbeat: NodeJS.Timeout;
    done: Promise<void>;
}

/**
 * Claims tasks of one queue in batches and runs `handler` on each, at most `concurrency` at once;
 * each task's lease is renewed while its handler runs, then the task is completed with what the
 * handler returned or failed with what it threw, under its attempt. A report refused because the
 * lease was taken over is counted and emitted as 'late' (a warning when nobody listens); other
 * errors as 'error'; each task recorded as 'done'. stop() (and SIGTERM) stops claiming, waits up to graceMs, and gives back the
 * tasks still running.
 */
export class Worker extends EventEmitter {
    readonly counters: WorkerCounters = { claims: 0, claimed: 0, completed: 0, failed: 0, late: 0, released: 0, errors: 0, running: 0 };
    private readonly o: Required<WorkOptions>;
    private readonly held = new Map<string, Held>();
    private readonly stopping = new AbortController();
    private pending: Pending[] = [];
    private flushTimer: NodeJS.Timeout | undefined;
    private wake: () => void = () => {};
    private loop: Promise<void> | undefined;
    private stopped: Promise<void> | undefined;
    private readonly onSigterm = () => {
        void this.stop().then(() => {
            if (process.listenerCount('SIGTERM') === 0) {
                process.kill(process.pid, 'SIGTERM'); // what SIGTERM would have done without us
            }
        });
    };

    constructor(
        private readonly q: ReturnType<typeof queuesOf>,
        readonly queue: string,
        private readonly handler: Handler,
        options: WorkOptions = {},
    ) {
        super();
        const concurrency = options.concurrency ?? 1;
        this.o = {
            concurrency,
            batch: Math.min(options.batch ?? concurrency, 1000),
            leaseSeconds: options.leaseSeconds ?? 30,
            worker: options.worker ?? `node-${process.pid}`,
            pollMs: options.pollMs ?? 250,
            maxPollMs: options.maxPollMs ?? 2000,
            graceMs: options.graceMs ?? 10000,
            stopOnSigterm: options.stopOnSigterm ?? true,
            settleMs: options.settleMs ?? 5,
        };
        for (const name of ['concurrency', 'batch', 'leaseSeconds'] as const) {
            if (!Number.isInteger(this.o[name]) || this.o[name] < 1) {
                throw FlowbaseError.invalid(name, `is ${this.o[name]}: it takes a whole number of 1 or more`);
            }
        }
    }

    start(): this {
        if (this.o.stopOnSigterm) {
            process.once('SIGTERM', this.onSigterm);
        }
        this.loop = this.run();
        return this;
    }

    private async run(): Promise<void> {
        let idle = this.o.pollMs;
        while (!this.stopping.signal.aborted) {
            const free = this.o.concurrency - this.held.size;
            if (free <= 0) {
                await new Promise<void>((resolve) => (this.wake = resolve));
                continue;
            }
            let claimed: Claimed[] = [];
            try {
                this.counters.claims++;
                claimed = await this.q.claim(this.queue, { worker: this.o.worker, max: Math.min(free, this.o.batch), leaseSeconds: this.o.leaseSeconds });
            } catch (e) {
                this.report(e);
            }
            this.counters.claimed += claimed.length;
            claimed.forEach((c) => this.hold(c));
            if (claimed.length > 0) {
                idle = this.o.pollMs;
            } else {
                await sleep(idle, this.stopping.signal).catch(() => {});
                idle = Math.min(idle * 2, this.o.maxPollMs);
            }
        }
    }

    private hold(claimed: Claimed): void {
        const task = claimed.task as Task & { id: string };
        const controller = new AbortController();
        const every = Math.max(200, (this.o.leaseSeconds * 1000) / 3);
        const heartbeat = setInterval(() => {
            this.q.heartbeat(task.id, claimed.attempt, this.o.leaseSeconds).catch((e) => {
                if (e instanceof FlowbaseError && e.status === 409) {
                    // taken over or cancelled: the handler may stop early, and its report will be
                    // refused and emitted as 'late' (or the task was just reported, and this is moot)
                    controller.abort(e);
                } else {
                    this.report(e);
                }
            });
        }, every);
        this.counters.running++;
        const done = this.handle(task, claimed.attempt, controller).finally(() => {
            clearInterval(heartbeat);
            this.held.delete(task.id);
            this.counters.running--;
            this.wake();
        });
        this.held.set(task.id, { claimed, controller, heartbeat, done });
    }

    private async handle(task: Task & { id: string }, attempt: number, controller: AbortController): Promise<void> {
        let outcome: 'complete' | 'fail' = 'complete';
        let value: unknown;
        try {
            value = await this.handler(task, { attempt, signal: controller.signal });
        } catch (e) {
            outcome = 'fail';
            value = e instanceof Error ? e.message : String(e);
        }
        if (controller.signal.aborted && this.stopping.signal.aborted && controller.signal.reason === this.stopping.signal.reason) {
            return; // given back on stop: the release reports it
        }
        const entry: Settlement =
            outcome === 'complete'
                ? { id: task.id, attempt, outcome: 'succeeded', result: value }
                : { id: task.id, attempt, outcome: 'failed', error: String(value) };
        const answer = await this.settle(entry);
        if (answer.task) {
            this.counters[outcome === 'complete' ? 'completed' : 'failed']++;
            this.emit('done', { task, attempt, outcome });
        } else if (answer.error.status === 409) {
            this.counters.late++;
            const late: LateReport = { task, attempt, outcome, error: answer.error };
            if (!this.emit('late', late)) {
                process.emitWarning(`Flowbase worker: ${outcome} of task ${task.id} attempt ${attempt} refused: ${answer.error.detail}`);
            }
        } else {
            this.report(answer.error);
        }
    }

    /** Queues a finished task's report for the next settle call, and answers when that call does. */
    private settle(entry: Settlement): Promise<SettleResult> {
        return new Promise<SettleResult>((answer) => {
            this.pending.push({ entry, answer });
            if (this.pending.length >= Math.min(this.o.batch, 100)) {
                this.flush();
            } else {
                this.flushTimer ??= setTimeout(() => this.flush(), this.o.settleMs);
            }
        });
    }

    /** Sends the queued reports in one call; a call that fails as a whole fails each of its reports. */
    private flush(): void {
        clearTimeout(this.flushTimer);
        this.flushTimer = undefined;
        const sent = this.pending;
        this.pending = [];
        this.q.settle(sent.map((p) => p.entry)).then(
            (results) => sent.forEach((p, i) => p.answer(results[i]!)),
            (e) => {
                const error = e instanceof FlowbaseError ? e : new FlowbaseError({ status: 0, code: 'settle-failed', title: 'Settle failed', detail: String(e) }, { cause: e });
                sent.forEach((p) => p.answer({ error }));
            },
        );
    }

    private report(e: unknown): void {
        this.counters.errors++;
        if (!this.emit('error', e)) {
            process.emitWarning(`Flowbase worker: ${(e as Error)?.message ?? e}`);
        }
    }

    /** Stops claiming, lets running handlers finish for up to graceMs, then gives back the tasks still held. */
    stop(): Promise<void> {
        this.stopped ??= (async () => {
            process.removeListener('SIGTERM', this.onSigterm);
            this.stopping.abort(new Error('the worker is stopping'));
            this.wake();
            await this.loop;
            const grace = new Promise<void>((resolve) => setTimeout(resolve, this.o.graceMs).unref());
            await Promise.race([Promise.all([...this.held.values()].map((h) => h.done)), grace]);
            const left = [...this.held.values()];
            for (const h of left) {
                h.controller.abort(this.stopping.signal.reason);
            }
            await Promise.all(
                left.map((h) =>
                    this.q.release((h.claimed.task as Task & { id: string }).id, h.claimed.attempt).then(
                        () => void this.counters.released++,
                        (e) => this.report(e),
                    ),
                ),
            );
        })();
        return this.stopped;
    }
}
