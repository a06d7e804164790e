import { FlowbaseError } from '../errors.js';
import { retryable, segment, type CallOptions, type Transport } from '../transport.js';
import type { Claimed, QueueDepth, Settled, Task, TaskAttempt } from '../types.js';

/** One task to settle: `succeeded` with its result (and output), or `failed` with its error. */
export interface Settlement {
    id: string;
    attempt: number;
    outcome: 'succeeded' | 'failed';
    result?: unknown;
    output?: string;
    error?: string;
}

/** One settled entry: the task when applied, the refusal otherwise. */
export type SettleResult = { task: Task; error?: undefined } | { task?: undefined; error: FlowbaseError };

/** The claim a settle makes after its entries, in the same transaction (`settleAndClaim`). */
export interface NextClaim {
    queue: string;
    /** Names the worker in the tasks' attempts. */
    worker: string;
    /** Tasks to take at most, 1 to 100 (1 when not given). */
    max?: number;
    /** How long the lease lasts unless renewed (the server's default when not given). */
    leaseSeconds?: number;
}

export interface ClaimOptions extends CallOptions {
    /** Names the worker in the task's attempts. */
    worker?: string;
    /** Tasks to take at most (1 when not given). */
    max?: number;
    /** How long the lease lasts unless renewed (the server's default when not given). */
    leaseSeconds?: number;
}

/**
 * The worker protocol: claim under a lease, renew it, then complete, fail or give back, each
 * with the claim's `attempt` (the lease's fencing token). A call whose attempt the task has moved
 * past is refused with 409 `conflict`. Completions and failures are retried (the attempt makes a
 * repeat harmless); if a repeat is refused because the first try had landed, that is a success.
 */
export function queues(t: Transport) {
    const task = (id: string, rest: string) => `/api/tasks/${segment('id', id)}${rest}`;
    /** A report refused with 409 may be our own first try that landed before its answer was lost. */
    const landed = async (id: string, attempt: number, outcome: TaskAttempt['status'], e: unknown, o: CallOptions) => {
        if (!(e instanceof FlowbaseError) || e.status !== 409) {
            throw e;
        }
        const attempts = await t.send<TaskAttempt[]>({ method: 'GET', path: task(id, '/attempts'), safe: true, signal: o.signal });
        if (!attempts.some((a) => a.attempt === attempt && a.status === outcome)) {
            throw e;
        }
        return t.send<Task>({ method: 'GET', path: task(id, ''), safe: true, signal: o.signal });
    };
    /** Each entry's answer; a refusal is checked against the task's attempts, as a repeat of ours may have landed. */
    const answered = (entries: Settlement[], results: Settled[], o: CallOptions) =>
        Promise.all(
            results.map(async (r, i): Promise<SettleResult> => {
                if (r.applied && r.task) {
                    return { task: r.task };
                }
                const e = entries[i]!;
                const why = r.refused ?? { type: 'internal', status: 500, detail: 'no answer for this entry' };
                const error = new FlowbaseError({ status: why.status, code: why.type ?? `http-${why.status}`, title: 'Refused', detail: why.detail ?? '' });
                return landed(e.id, e.attempt, e.outcome === 'succeeded' ? 'SUCCEEDED' : 'FAILED', error, o).then(
                    (task) => ({ task }),
                    () => ({ error }),
                );
            }),
        );
    const settle = async (entries: Settlement[], o: CallOptions = {}): Promise<SettleResult[]> => {
        const { results } = await t.send<{ results: Settled[] }>({ method: 'POST', path: '/api/tasks/settle', body: { entries }, safe: true, ...o });
        return answered(entries, results ?? [], o);
    };
    return {
        /** Each queue's tasks by state. */
        stats: (o: CallOptions = {}) => t.send<QueueDepth[]>({ method: 'GET', path: '/api/queues', safe: true, ...o }),
        /** Takes up to `max` ready tasks under a lease; an empty array when none is ready. Never retried: a lost answer leaves a lease nobody holds until it runs out. */
        claim: (queue: string, c: ClaimOptions = {}) => {
            const { worker, max, leaseSeconds, ...o } = c;
            return t.send<Claimed[]>({
                method: 'POST',
                path: `/api/queues/${segment('queue', queue)}/claim`,
                body: { worker, max, leaseSeconds },
                safe: false,
                ...o,
            });
        },
        heartbeat: (id: string, attempt: number, extendSeconds?: number, o: CallOptions = {}) =>
            t.send<Claimed>({ method: 'POST', path: task(id, '/heartbeat'), body: { attempt, extendSeconds }, safe: true, ...o }),
        complete: (id: string, attempt: number, result?: unknown, o: CallOptions & { output?: string } = {}) =>
            t
                .send<Task>({ method: 'POST', path: task(id, '/complete'), body: { attempt, result, output: o.output }, safe: true, ...o })
                .catch((e) => landed(id, attempt, 'SUCCEEDED', e, o)),
        fail: (id: string, attempt: number, error: string, o: CallOptions = {}) =>
            t
                .send<Task>({ method: 'POST', path: task(id, '/fail'), body: { attempt, error }, safe: true, ...o })
                .catch((e) => landed(id, attempt, 'FAILED', e, o)),
        /**
         * Completes or fails up to 100 claimed tasks in one call; each entry is answered on its own,
         * in the order sent: `{ task }` when applied, `{ error }` (the problem /complete would have
         * answered) when refused. Retried like a completion: an entry refused with 409 is checked
         * against the task's attempts, and counts as applied when our own first try had landed.
         */
        settle,
        /**
         * Settles `entries` (0 to 100) as `settle` does and claims the next tasks as `claim` asks, in
         * one call and one transaction on the server: what a worker that goes on working sends. The
         * claim is never repeated (a lost answer would leave a lease nobody holds until it runs
         * out): when the call fails in a way a repeat may get past (503, 429, no answer), the entries
         * alone are sent again as `settle` sends them, and `claimed` is empty.
         */
        settleAndClaim: async (entries: Settlement[], claim: NextClaim, o: CallOptions = {}): Promise<{ results: SettleResult[]; claimed: Claimed[] }> => {
            let answer: { results: Settled[] | null; claimed: Claimed[] | null };
            try {
                answer = await t.send({ method: 'POST', path: '/api/tasks/settle', body: { entries, claim }, safe: false, ...o });
            } catch (e) {
                if (entries.length === 0 || !(e instanceof FlowbaseError) || !retryable(e)) {
                    throw e;
                }
                return { results: await settle(entries, o), claimed: [] };
            }
            return { results: await answered(entries, answer.results ?? [], o), claimed: answer.claimed ?? [] };
        },
        /** Gives a claimed task back unfinished: ready at once, no retry used. */
        release: (id: string, attempt: number, o: CallOptions = {}) =>
            t.send<Task>({ method: 'POST', path: task(id, '/release'), body: { attempt }, safe: true, ...o }),
    };
}
