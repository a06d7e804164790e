import { FlowbaseError } from './errors.js';
import { parseRetryAfter, pauseMs, retryPolicy, sleep, type RetryOptions, type RetryPolicy } from './retry.js';

export interface ClientOptions {
    /** The server's address, such as http://127.0.0.1:8080. */
    url: string;
    /** A Flowbase API key (fb_…); the public routes (health) need none. */
    apiKey?: string;
    /** One try's limit in ms (default 30000). */
    timeoutMs?: number;
    /** When safe calls are tried again; `false` never. */
    retry?: RetryOptions | false;
}

/** What every call takes. */
export interface CallOptions {
    /** Aborts the call, its retries and pauses included. */
    signal?: AbortSignal;
    /** `?_debug=true`: the answer carries the server's `_debug` (statements, pool, timings). */
    debug?: boolean;
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export interface Call extends CallOptions {
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    path: string;
    query?: Query;
    body?: unknown;
    headers?: Record<string, string>;
    /** Safe to send again when no answer came (a read, an enqueue with an idempotency key, a completion under a lease). */
    safe: boolean;
    /** Status codes that are answers, not errors (health's 503). */
    accept?: number[];
}

/**
 * Sends calls: JSON in and out, the key in the Authorization header, one try's timeout, the
 * caller's AbortSignal, and retries of safe calls on 503, 429 and lost connections until the
 * policy's deadline. Unsafe calls are sent once: a lost answer might hide a change made.
 */
export class Transport {
    readonly origin: string;
    private readonly base: string;
    private readonly timeoutMs: number;
    readonly policy: RetryPolicy;

    constructor(private readonly options: ClientOptions) {
        if (!options || typeof options.url !== 'string') {
            throw FlowbaseError.invalid('url', `is ${options?.url}: it takes the server's address, such as http://127.0.0.1:8080`);
        }
        let parsed: URL;
        try {
            parsed = new URL(options.url);
        } catch {
            throw FlowbaseError.invalid('url', `is "${options.url}": it takes an http or https address, such as http://127.0.0.1:8080`);
        }
        this.origin = parsed.origin; // never the user information a pasted address may carry
        this.base = parsed.origin + parsed.pathname.replace(/\/+$/, '');
        this.timeoutMs = options.timeoutMs ?? 30000;
        this.policy = retryPolicy(options.retry);
    }

    async send<T>(call: Call): Promise<T> {
        const deadline = Date.now() + this.policy.deadlineMs;
        const tries = call.safe ? this.policy.attempts : 1;
        for (let n = 1; ; n++) {
            try {
                return await this.once<T>(call, Math.max(1, Math.min(this.timeoutMs, deadline - Date.now())));
            } catch (e) {
                const error = e as FlowbaseError;
                const again = n < tries && retryable(error);
                const pause = again ? pauseMs(this.policy, n, error.retryAfter) : 0;
                if (!again || Date.now() + pause >= deadline) {
                    throw error;
                }
                try {
                    await sleep(pause, call.signal);
                } catch (reason) {
                    throw FlowbaseError.noAnswer('aborted', this.origin, reason);
                }
            }
        }
    }

    private async once<T>(call: Call, timeoutMs: number): Promise<T> {
        const url = new URL(this.base + call.path);
        for (const [name, value] of Object.entries(call.debug ? { ...call.query, _debug: 'true' } : { ...call.query })) {
            if (value !== undefined && value !== null && value !== '') {
                url.searchParams.set(name, String(value));
            }
        }
        const headers: Record<string, string> = { Accept: 'application/json', ...call.headers };
        if (this.options.apiKey) {
            headers.Authorization = `Bearer ${this.options.apiKey}`;
        }
        if (call.body !== undefined) {
            headers['Content-Type'] = 'application/json';
        }
        const { signal, timedOut, done } = limit(timeoutMs, call.signal);
        let response: Response;
        let text: string;
        try {
            response = await fetch(url, {
                method: call.method,
                headers,
                body: call.body === undefined ? undefined : JSON.stringify(call.body),
                signal,
            });
            text = await response.text();
        } catch (e) {
            throw FlowbaseError.noAnswer(call.signal?.aborted ? 'aborted' : timedOut() ? 'timeout' : 'unreachable', this.origin, e);
        } finally {
            done();
        }
        const body = text ? parseJson(text) : undefined;
        if (!response.ok && !(call.accept ?? []).includes(response.status)) {
            throw FlowbaseError.fromAnswer(response.status, body, parseRetryAfter(response.headers.get('retry-after')));
        }
        return body as T;
    }
}

/** A failure a repeat may get past: the server was busy or did not answer. */
export function retryable(e: FlowbaseError): boolean {
    return e instanceof FlowbaseError && (e.status === 503 || e.status === 429 || e.code === 'unreachable' || e.code === 'timeout');
}

/** One signal that fires on the caller's abort or after `ms` (AbortSignal.any is not in Node 18). */
function limit(ms: number, outer?: AbortSignal): { signal: AbortSignal; timedOut: () => boolean; done: () => void } {
    const controller = new AbortController();
    let late = false;
    const timer = setTimeout(() => {
        late = true;
        controller.abort(new Error(`no answer within ${ms} ms`));
    }, ms);
    const onAbort = () => controller.abort(outer?.reason);
    if (outer?.aborted) {
        onAbort();
    }
    outer?.addEventListener('abort', onAbort, { once: true });
    return {
        signal: controller.signal,
        timedOut: () => late,
        done: () => {
            clearTimeout(timer);
            outer?.removeEventListener('abort', onAbort);
        },
    };
}

function parseJson(text: string): unknown {
    try {
        return JSON.parse(text);
    } catch {
        return text;
    }
}

/** A path segment from a value the program gave: an id or a name never changes the path. */
export function segment(field: string, value: unknown): string {
    if (value === undefined || value === null || String(value).trim() === '') {
        throw FlowbaseError.invalid(field, `is ${value === '' ? 'empty' : String(value)}: it takes an id or a name`);
    }
    return encodeURIComponent(String(value));
}
