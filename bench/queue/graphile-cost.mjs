// graphile-worker as /work/shared/peers/node/bench.mjs runs it (same settings, same enqueue, same
// "done" test), with the server's WAL and CPU read (bench/queue/pg-cost-sample) right before the
// workers start and right after the database shows every job gone: the processing alone, as
// bench/run queue measures Flowbase. Copied next to the peers' bench.mjs by bench/queue/peer-cost,
// so that graphile-worker resolves from that folder's node_modules.
// usage: node graphile-cost.mjs N SAMPLER   (connection from PG*; prints one JSON line)
import pg from 'pg';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const n = Number(process.argv[2] || 20000);
const sampler = process.argv[3];
const CONN = `postgres://${process.env.PGUSER || 'postgres'}@${process.env.PGHOST || '127.0.0.1'}:${process.env.PGPORT || '5432'}/${process.env.PGDATABASE || 'peers'}`;
const envInt = (k, d) => (process.env[k] ? Number(process.env[k]) : d);
const now = () => Number(process.hrtime.bigint()) / 1e9;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const sample = () => JSON.parse(execFileSync(sampler, { encoding: 'utf8' }));
const version = JSON.parse(readFileSync(new URL('./node_modules/graphile-worker/package.json', import.meta.url))).version;

const { run, makeWorkerUtils, Logger } = await import('graphile-worker');
const admin = new pg.Client({ connectionString: CONN });
await admin.connect();
const count = async (sql) => Number((await admin.query(sql)).rows[0].count);
const schema = 'peer_graphile';
const concurrency = envInt('CONC', 24);
const localQueueSize = envInt('LOCALQ', 500);
const completeJobBatchDelay = envInt('COMPLETE_DELAY', 0);
await admin.query(`drop schema if exists ${schema} cascade`);
const logger = new Logger(() => (level, msg) => {
  if (level === 'error') console.error(msg);
});
const utils = await makeWorkerUtils({ connectionString: CONN, schema, logger });
await utils.migrate();
await utils.addJobs(Array.from({ length: n }, (_, i) => ({ identifier: 'noop', payload: { i } })));
const enqueued = await count(`select count(*) from ${schema}._private_jobs`);
await utils.release();

let calls = 0;
const from = sample();
const t2 = now();
const runner = await run({
  connectionString: CONN, schema, logger, concurrency, maxPoolSize: envInt('POOL', concurrency + 1),
  pollInterval: envInt('POLL_MS', 2000), noHandleSignals: true,
  taskList: { noop: async () => { calls++; } },
  preset: { worker: { localQueue: { size: localQueueSize, refetchDelay: { durationMs: 10 } },
    completeJobBatchDelay, failJobBatchDelay: completeJobBatchDelay } },
});
const remaining = () => count(`select count(*) from ${schema}._private_jobs`);
let end = null;
while (now() - t2 < envInt('TIMEOUT_S', 600)) {
  if (calls >= n && (await remaining()) === 0) { end = now(); break; }
  await sleep(calls >= n ? 10 : 2);
}
const to = sample();
const left = await remaining();
await runner.stop().catch(() => {});
await admin.end().catch(() => {});
const ok = end !== null && left === 0 && enqueued === n && calls === n;
console.log(JSON.stringify({
  peer: 'graphile-worker', n,
  process_per_s: ok ? Math.round(n / (end - t2)) : null,
  process_s: end ? Math.round((end - t2) * 1000) / 1000 : null,
  wal_bytes_per_task: Math.round((to.wal - from.wal) / n),
  pg_cpu_us_per_task: from.cpu_us === null ? null : Math.round(((to.cpu_us - from.cpu_us) / n) * 10) / 10,
  other_client_backends: to.other_clients, complete: ok,
  settings: { version: `graphile-worker ${version}`, concurrency, localQueueSize, completeJobBatchDelay, node: process.version },
}));
process.exit(ok ? 0 : 1);
