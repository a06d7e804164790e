// Builds the package, starts one real `flowbase serve` per engine (FLOWBASE_TEST_ENGINES, else
// sqlite) for the whole run, and runs the tests with Node's own runner, which ends with its
// "# tests / # pass / # fail" lines. The servers reach the test files as FLOWBASE_TEST_SERVERS.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const { engines, startFlowbase } = createRequire(import.meta.url)('../test/support/server.cjs');

const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) {
    process.exit(build.status ?? 1);
}
const servers = [];
let status = 1;
try {
    for (const engine of engines()) {
        servers.push(await startFlowbase(engine, { FLOWBASE_MASTER_KEY: crypto.randomBytes(32).toString('base64') }));
    }
    const shared = servers.map(({ engine, url, adminKey, operatorKey, viewerKey }) => ({ engine, url, adminKey, operatorKey, viewerKey }));
    const files = process.argv.slice(2).length > 0 ? process.argv.slice(2)
        : fs.readdirSync(path.join(root, 'test')).filter((f) => f.endsWith('.test.mjs')).map((f) => path.join('test', f));
    const run = spawnSync(process.execPath, ['--test', '--test-concurrency=1', ...files], {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, FLOWBASE_TEST_SERVERS: JSON.stringify(shared) },
    });
    status = run.status ?? 1;
} finally {
    for (const s of servers) {
        await s.stop();
    }
}
process.exit(status);
