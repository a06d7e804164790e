import { EventEmitter } from 'node:events';
import { FlowbaseError } from './errors.js';
import type { queues as queuesOf, Settlement, SettleResult } from './resources/queues.js';
import { sleep } from './retry.js';
import type { Claimed, Task } from './types.js';
import type { Handler, LateReport, WorkerCounters, WorkOptions } from './worker-types.js';

export type { Handler, LateReport, TaskContext, WorkerCounters, WorkOptions } from './worker-types.js';

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
    /** Tasks asked for by claims not answered yet: room promised, so no two claims fill it twice. */
    private reserved = 0;
    /** Settle calls not answered yet: stop() waits for them, since they may bring claimed tasks. */
    private readonly flushing = new Set<Promise<void>>();
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
            batch: Math.min(options.batch ?? concurrency, 100),
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
            const free = this.o.concurrency - this.held.size - this.reserved;
            if (free <= 0) {
                await new Promise<void>((resolve) => (this.wake = resolve));
                continue;
            }
            let claimed: Claimed[] = [];
            const max = Math.min(free, this.o.batch);
            this.reserved += max;
            try {
                this.counters.claims++;
                claimed = await this.q.claim(this.queue, { worker: this.o.worker, max, leaseSeconds: this.o.leaseSeconds });
            } catch (e) {
                this.report(e);
            } finally {
                this.reserved -= max;
            }
            await this.take(claimed); // given back when stop() began meanwhile: stop() awaits this loop
            if (claimed.length > 0) {
                idle = this.o.pollMs;
            } else {
                await sleep(idle, this.stopping.signal).catch(() => {});
                idle = Math.min(idle * 2, this.o.maxPollMs);
            }
        }
    }

    /** Starts the claimed tasks, or gives them back at once when the worker is stopping. */
    private take(claimed: Claimed[]): void | Promise<void> {
        this.counters.claimed += claimed.length;
        if (!this.stopping.signal.aborted) {
            claimed.forEach((c) => this.hold(c));
            return;
        }
        return Promise.all(claimed.map((c) => this.giveBack(c))).then(() => {});
    }

    private giveBack(c: Claimed): Promise<void> {
        return this.q.release((c.task as Task & { id: string }).id, c.attempt).then(
            () => void this.counters.released++,
            (e) => this.report(e),
        );
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
            if (this.pending.length >= this.o.batch) {
                this.flush();
            } else {
                this.flushTimer ??= setTimeout(() => this.flush(), this.o.settleMs);
            }
        });
    }

    /**
     * Sends the queued reports in one call, which also claims the next tasks for the room the
     * reports make (none while stopping); a call that fails as a whole fails each of its reports.
     */
    private flush(): void {
        clearTimeout(this.flushTimer);
        this.flushTimer = undefined;
        const sent = this.pending;
        this.pending = [];
        // The sent tasks are still held until answered, and their room is this call's to fill.
        const room = this.o.concurrency - this.held.size + sent.length - this.reserved;
        const max = this.stopping.signal.aborted ? 0 : Math.max(0, Math.min(room, this.o.batch));
        const entries = sent.map((p) => p.entry);
        this.reserved += max;
        if (max > 0) {
            this.counters.claims++;
        }
        const call =
            max > 0
                ? this.q.settleAndClaim(entries, { queue: this.queue, worker: this.o.worker, max, leaseSeconds: this.o.leaseSeconds })
                : this.q.settle(entries).then((results) => ({ results, claimed: [] as Claimed[] }));
        const done = call
            .then(
                ({ results, claimed }) => {
                    this.reserved -= max;
                    const given = this.take(claimed);
                    sent.forEach((p, i) => p.answer(results[i]!));
                    return given;
                },
                (e) => {
                    this.reserved -= max;
                    const error = e instanceof FlowbaseError ? e : new FlowbaseError({ status: 0, code: 'settle-failed', title: 'Settle failed', detail: String(e) }, { cause: e });
                    sent.forEach((p) => p.answer({ error }));
                },
            )
            .finally(() => {
                this.flushing.delete(done);
                this.wake();
            });
        this.flushing.add(done);
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
            // A settle under way may bring claimed tasks: they start, or are given back when it answers after this.
            await Promise.all([...this.flushing]);
            const grace = new Promise<void>((resolve) => setTimeout(resolve, this.o.graceMs).unref());
            await Promise.race([Promise.all([...this.held.values()].map((h) => h.done)), grace]);
            const left = [...this.held.values()];
            for (const h of left) {
                h.controller.abort(this.stopping.signal.reason);
            }
            await Promise.all(left.map((h) => this.giveBack(h.claimed)));
        })();
        return this.stopped;
    }
}
