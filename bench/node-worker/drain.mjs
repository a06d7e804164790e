// One measurement of the Node worker: enqueues N no-op tasks with no worker running (POST
// /api/tasks/batch, 1,000 a call), then starts client.work() and times until it has completed N.
// Counts the worker's HTTP calls (every fetch) and reads the server's CPU time from
// /proc/<pid>/stat before and after, and the worker process's own. Prints one JSON line.
//   node drain.mjs <url> <key> <server pid> <tasks> <concurrency> <batch>
import fs from 'node:fs';
import { createClient } from '../../integrations/node-client/dist/esm/index.js';

const [url, apiKey, pid, n, concurrency, batch] = process.argv.slice(2);
const N = Number(n);
const TICKS = 100; // USER_HZ: getconf CLK_TCK on Linux
const cpuSeconds = () => {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS; // utime + stime
};

const client = createClient({ url, apiKey });
// The server's own counters (GET /metrics): time per route and statements per name, so the report
// says where a task's time goes on the server, not only how long the drain took.
const scrape = async () => {
    const text = await (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${apiKey}` } })).text();
    const m = new Map();
    for (const line of text.split('\n')) {
        const hit = /^(flowbase_(?:http_requests|query)_seconds_(?:count|sum))\{(.*)\} (\S+)$/.exec(line);
        if (hit) {
            const label = /(?:route|statement)="([^"]*)"/.exec(hit[2])?.[1] ?? '';
            const key = `${hit[1]}|${label}`;
            m.set(key, (m.get(key) ?? 0) + Number(hit[3]));
        }
    }
    return m;
};
const breakdown = (before, after, n) => {
    const d = (k) => (after.get(k) ?? 0) - (before.get(k) ?? 0);
    const routes = {};
    const statements = {};
    let perTask = 0;
    for (const k of after.keys()) {
        const [metric, label] = k.split('|');
        if (!metric.endsWith('_count') || d(k) === 0) continue;
        const sum = d(`${metric.replace(/_count$/, '_sum')}|${label}`);
        const row = { calls: d(k), msEach: Number(((sum * 1000) / d(k)).toFixed(2)), msPerTask: Number(((sum * 1000) / n).toFixed(3)) };
        if (metric.startsWith('flowbase_http')) {
            routes[label] = row;
        } else {
            statements[label] = row;
            perTask += d(k) / n;
        }
    }
    return { routes, statements, statementsPerTask: Number(perTask.toFixed(2)) };
};
const queue = `bench-${process.pid}`;
for (let done = 0; done < N; done += 1000) {
    const tasks = Array.from({ length: Math.min(1000, N - done) }, (_, i) => ({ name: `noop-${done + i}`, queue }));
    await client.tasks.createMany(tasks);
}

let calls = 0;
const realFetch = globalThis.fetch;
globalThis.fetch = (...args) => {
    calls++;
    return realFetch(...args);
};
const metrics0 = await scrape();
calls = 0; // the scrape is not the worker's
const cpu0 = cpuSeconds();
const own0 = process.cpuUsage(); // the worker's own process: its loop, JSON and HTTP
const t0 = process.hrtime.bigint();
const finished = new Promise((resolve) => {
    const worker = client.work(queue, () => null, { concurrency: Number(concurrency), batch: Number(batch), pollMs: 20, maxPollMs: 100 });
    worker.on('done', () => {
        if (worker.counters.completed === N) {
            resolve(worker);
        }
    });
    worker.on('error', (e) => console.error(`worker error: ${e.message}`));
});
const worker = await finished;
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const cpu = cpuSeconds() - cpu0;
const own = process.cpuUsage(own0);
const callsDuring = calls;
await worker.stop();
const server = breakdown(metrics0, await scrape(), N);
console.log(
    JSON.stringify({
        worker: 'node',
        tasks: N,
        concurrency: Number(concurrency),
        batch: Number(batch),
        seconds: Number(seconds.toFixed(2)),
        tasksPerSecond: Math.round(N / seconds),
        httpCallsPerTask: Number((callsDuring / N).toFixed(4)),
        serverCpuMsPerTask: Number(((cpu * 1000) / N).toFixed(3)),
        workerCpuMsPerTask: Number(((own.user + own.system) / 1000 / N).toFixed(3)),
        counters: worker.counters,
        server,
    }),
);
