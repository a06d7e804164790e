/** When a call that is safe to repeat is tried again. `false` turns retrying off. */
export interface RetryOptions {
    /** Tries in all, the first included (default 6). */
    attempts?: number;
    /** The first pause in ms, doubled each time (default 100). */
    baseMs?: number;
    /** The longest pause in ms (default 5000). */
    maxMs?: number;
    /** The whole call, every try and pause included, ends by then in ms (default 30000). */
    deadlineMs?: number;
}

export type RetryPolicy = Required<RetryOptions>;

export function retryPolicy(o: RetryOptions | false | undefined): RetryPolicy {
    if (o === false) {
        return { attempts: 1, baseMs: 0, maxMs: 0, deadlineMs: 30000 };
    }
    const p = { attempts: 6, baseMs: 100, maxMs: 5000, deadlineMs: 30000, ...o };
    for (const [name, value] of Object.entries(p)) {
        if (!Number.isFinite(value) || value < 0) {
            throw new RangeError(`retry.${name} is ${value}: it takes a number of 0 or more`);
        }
    }
    return p;
}

/**
 * The pause before try `n + 1` (n ≥ 1): the server's Retry-After when it sent one, else an
 * exponential backoff with full jitter, so that clients that failed together do not come back
 * together.
 */
export function pauseMs(policy: RetryPolicy, n: number, retryAfterSeconds: number | undefined): number {
    if (retryAfterSeconds !== undefined) {
        return retryAfterSeconds * 1000;
    }
    const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** (n - 1));
    return ceiling / 2 + Math.random() * (ceiling / 2);
}

/** Retry-After in seconds: a number of seconds or an HTTP date. */
export function parseRetryAfter(header: string | null): number | undefined {
    if (!header) {
        return undefined;
    }
    const seconds = Number(header);
    if (Number.isFinite(seconds)) {
        return Math.max(0, seconds);
    }
    const at = Date.parse(header);
    return Number.isNaN(at) ? undefined : Math.max(0, (at - Date.now()) / 1000);
}

/** Waits `ms` unless `signal` aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
        if (signal?.aborted) {
            reject(signal.reason);
            return;
        }
        const onAbort = () => {
            clearTimeout(timer);
            reject(signal?.reason);
        };
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}
