import { createClient, type Client } from './index.js';
import { FlowbaseError } from './errors.js';
import type { CallOptions, ClientOptions } from './transport.js';
import type { NewTask, TransactionOperation } from './types.js';

// Seed 001's method registry (database-connector-helpers.js), over a Flowbase server. With
// `debug: true` every answer carries `_debug`: the server's (statements, pool, request time) and
// `roundTripMs` as this process measured it.

const ENGINES = ['sqlite', 'postgresql', 'mariadb'];

let client: Client | undefined;
let debug = false;

function connected(): Client {
    if (!client) {
        throw new FlowbaseError({ status: 0, code: 'not-connected', title: 'Not connected', detail: 'call connectToDatabase(provider, config) first' });
    }
    return client;
}

/** Times a call and, in debug mode, asks the server for its `_debug` and adds `roundTripMs`. */
async function timed<T>(call: (o: CallOptions) => Promise<T>): Promise<T> {
    const start = performance.now();
    const answer = await call({ debug });
    if (debug && answer && typeof answer === 'object') {
        const server = (answer as { _debug?: object })._debug ?? {};
        Object.assign(answer, { _debug: { ...server, roundTripMs: Math.round((performance.now() - start) * 100) / 100 } });
    }
    return answer;
}

/**
 * Connects to a Flowbase server: `config` is `{ url, apiKey, debug, timeoutMs, retry }`. `provider`
 * is `flowbase`, or the engine the server must run on (`postgresql`, `mariadb`, `sqlite`): another
 * engine is refused, so a flow meant for PostgreSQL does not run on SQLite unnoticed.
 */
export async function connectToDatabase(provider: string, config: ClientOptions & { debug?: boolean }) {
    if (provider !== 'flowbase' && !ENGINES.includes(provider)) {
        throw FlowbaseError.invalid('provider', `is "${provider}": it takes flowbase, ${ENGINES.join(', ')}`);
    }
    const next = createClient(config);
    const health = await next.health();
    if (provider !== 'flowbase' && health.engine !== provider) {
        throw FlowbaseError.invalid('provider', `is "${provider}" but the server at ${next.origin} runs on ${health.engine}`);
    }
    client = next;
    debug = Boolean(config.debug);
    return { connected: true, provider, engine: health.engine, status: health.status, server: next.origin };
}

export const insertTask = (task: NewTask) => timed((o) => connected().tasks.create(task, o));

export const updateTaskStatus = (id: string, status: string, outcome: { result?: unknown; output?: string; error?: string } = {}) =>
    timed((o) => connected().tasks.setStatus(id, status.toLowerCase(), outcome, o));

export const requeueFailedTask = (id: string) => timed((o) => connected().tasks.requeue(id, o));

export const getWorkflowProgress = (workflowId: string) => timed((o) => connected().workflows.progress(workflowId, o));

/** Up to 100 task operations in one transaction: all happen, or none does (the error names the one that failed). */
export const executeTransaction = (operations: TransactionOperation[]) => timed((o) => connected().transactions.run(operations, o));

export type ErrorCategory = 'connection' | 'authentication' | 'validation' | 'not_found' | 'conflict' | 'rate_limited' | 'timeout' | 'database' | 'unknown';

const CATEGORIES: Record<string, ErrorCategory> = {
    unreachable: 'connection',
    'connection-failed': 'connection',
    unavailable: 'connection',
    aborted: 'connection',
    unauthenticated: 'authentication',
    'authentication-failed': 'authentication',
    forbidden: 'authentication',
    'invalid-argument': 'validation',
    'payload-too-large': 'validation',
    'unsupported-media-type': 'validation',
    'not-found': 'not_found',
    conflict: 'conflict',
    'invalid-transition': 'conflict',
    'precondition-failed': 'conflict',
    'constraint-violation': 'conflict',
    'rate-limited': 'rate_limited',
    timeout: 'timeout',
    'lock-timeout': 'timeout',
    'database-error': 'database',
    internal: 'database',
};

/** Sorts an error into the seed's categories, says whether trying again may help, and keeps the context given. */
export function handleDatabaseError(error: unknown, context: Record<string, unknown> = {}) {
    const e = error instanceof FlowbaseError ? error : undefined;
    const category: ErrorCategory = e ? (CATEGORIES[e.code] ?? 'unknown') : 'unknown';
    return {
        category,
        retryable: ['connection', 'rate_limited', 'timeout'].includes(category),
        message: error instanceof Error ? error.message : String(error),
        status: e?.status,
        code: e?.code,
        fields: e?.errors ?? [],
        retryAfter: e?.retryAfter,
        context,
    };
}

/** The registry as seed 001 lists it. */
export const registry = {
    connectToDatabase,
    insertTask,
    updateTaskStatus,
    requeueFailedTask,
    getWorkflowProgress,
    executeTransaction,
    handleDatabaseError,
};
export default registry;
