// A worker process for the worker tests. Env: URL, KEY, QUEUE, NAME, LEASE; HANG_AFTER=n makes
// every handler after the n-th wait for a line "go" on stdin (so the process is mid-batch when
// the test kills or stops it). Prints one line per event: "claimed <id>", "done <id>",
// "late <id>", "hanging", and "stopped <counters>" after stop on SIGTERM.
import readline from 'node:readline';
import { createClient } from '../../dist/esm/index.js';

const client = createClient({ url: process.env.URL, apiKey: process.env.KEY });
const hangAfter = process.env.HANG_AFTER ? Number(process.env.HANG_AFTER) : Infinity;
let started = 0;
let release;
const go = new Promise((resolve) => (release = resolve));
readline.createInterface({ input: process.stdin }).on('line', (line) => line === 'go' && release());

const out = (line) => process.stdout.write(`${line}\n`);
const worker = client.work(
    process.env.QUEUE,
    async (task) => {
        out(`claimed ${task.id}`);
        if (++started > hangAfter) {
            if (started === hangAfter + 1) {
                setImmediate(() => out('hanging'));
            }
            await go;
        }
        return { by: process.env.NAME };
    },
    { concurrency: 16, batch: 32, leaseSeconds: Number(process.env.LEASE || 30), worker: process.env.NAME, pollMs: 50, maxPollMs: 200 },
);
worker.on('done', ({ task }) => out(`done ${task.id}`));
worker.on('late', ({ task, error }) => out(`late ${task.id} ${error.status}`));
worker.on('error', (e) => process.stderr.write(`${e.message}\n`));
process.on('SIGTERM', async () => {
    await worker.stop(); // the worker's own SIGTERM listener started it; this waits for it
    out(`stopped ${JSON.stringify(worker.counters)}`);
    process.exit(0);
});
