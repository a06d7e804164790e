import { createClient, type Client } from './index.js';
import { FlowbaseError } from './errors.js';
import type { ClientOptions } from './transport.js';
import { taskModel, workflowModel, type SeedRow } from './seed/models004.js';

// Seed 004's own src/database/index.js, over a Flowbase server: change the import line and the
// seed's code runs as written. README.md maps each call to its route and each field to its place.

export type { SeedRow } from './seed/models004.js';

let client: Client | undefined;

function connected(): Client {
    if (!client) {
        throw new FlowbaseError({
            status: 0,
            code: 'not-initialized',
            title: 'Not initialized',
            detail: 'call initializeDatabase() first: it connects to the Flowbase server named by FLOWBASE_URL',
        });
    }
    return client;
}

/**
 * Connects to the server named by FLOWBASE_URL with the key in FLOWBASE_API_KEY; `options`
 * overrides both. Answers the server's health, and fails when the server does not answer.
 */
export async function initializeDatabase(options: Partial<ClientOptions> = {}): Promise<{ client: Client; health: SeedRow }> {
    const url = options.url ?? process.env.FLOWBASE_URL;
    if (!url) {
        throw FlowbaseError.invalid('url', 'is not set: set FLOWBASE_URL (such as http://127.0.0.1:8080) or pass { url }');
    }
    client = createClient({ ...options, url, apiKey: options.apiKey ?? process.env.FLOWBASE_API_KEY });
    return { client, health: await getDatabaseHealth() };
}

export const getWorkflowModel = () => workflowModel(connected());
export const getTaskModel = () => taskModel(connected());

/** `{ status: 'healthy' | 'unhealthy', timestamp, engine, poolStats, models, checks }` as seed 004 reads it. */
export async function getDatabaseHealth(): Promise<SeedRow> {
    const c = connected();
    const health = await c.health();
    const healthy = health.status === 'ok';
    const pool = healthy ? (await c.status()).report?.pool : undefined;
    return {
        status: healthy ? 'healthy' : 'unhealthy',
        timestamp: new Date().toISOString(),
        engine: health.engine,
        poolStats: pool ? { totalCount: pool.active + pool.idle, idleCount: pool.idle, waitingCount: pool.waiting, max: pool.max } : null,
        models: { workflows: healthy ? 'ok' : 'unavailable', tasks: healthy ? 'ok' : 'unavailable' },
        checks: health.checks,
    };
}

/** `{ size: { database_size, ... }, connections: { active_connections, ... }, tables, cache_hit_ratio }`. */
export async function getDatabaseStatistics(): Promise<SeedRow> {
    const s = await connected().statistics();
    const tables = s.tables ?? [];
    const bytes = tables.reduce((sum, t) => sum + (t.tableBytes ?? 0) + (t.indexBytes ?? 0), 0);
    return {
        size: { database_size: pretty(bytes), database_size_bytes: bytes },
        connections: { active_connections: s.activeSessions, waiting_connections: s.waitingSessions },
        tables: tables.map((t) => ({ table_name: t.name, row_estimate: t.rowEstimate, table_bytes: t.tableBytes, index_bytes: t.indexBytes })),
        cache_hit_ratio: s.cacheHitRatio,
        longest_statement_seconds: s.longestStatementSeconds,
    };
}

/** Bytes as PostgreSQL's pg_size_pretty writes them, which is what the seed printed. */
function pretty(bytes: number): string {
    const units = ['bytes', 'kB', 'MB', 'GB', 'TB'];
    let n = bytes;
    let u = 0;
    while (n >= 10240 && u < units.length - 1) {
        n /= 1024;
        u++;
    }
    return `${Math.round(n)} ${units[u]}`;
}
