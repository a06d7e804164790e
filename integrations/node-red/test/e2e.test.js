'use strict';

// The package in a real Node-RED runtime, installed into a user directory as a user would (a link
// in its node_modules), running the example flow file against a real Flowbase server.
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const servers = require('./support/servers');
const { engines } = require('./support/flowbase');
const { unique } = require('./support/flows');

const PACKAGE = path.resolve(__dirname, '..');
const EXAMPLE = path.join(PACKAGE, 'examples', 'enqueue-and-work.json');

function freePort() {
    return new Promise((resolve) => {
        const probe = net.createServer().listen(0, '127.0.0.1', () => {
            const { port } = probe.address();
            probe.close(() => resolve(port));
        });
    });
}

/** The example flow pointed at `server` and `queue`, plus a tab whose worker never answers on `silent`. */
function flows(server, queue, silent) {
    const example = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8'));
    for (const node of example) {
        if (node.type === 'flowbase-config') node.url = server.url;
        if (node.queue === 'summaries') node.queue = queue;
    }
    const config = example.find((n) => n.type === 'flowbase-config').id;
    return example.concat([
        { id: 'silent-tab', type: 'tab', label: 'never answers' },
        { id: 'silent-inject', type: 'inject', z: 'silent-tab', props: [{ p: 'payload' }], once: true, onceDelay: '0.5',
            payload: '{"doc":1}', payloadType: 'json', repeat: '', wires: [['silent-enqueue']] },
        { id: 'silent-enqueue', type: 'flowbase-enqueue', z: 'silent-tab', server: config, queue: silent, taskName: 'ignored',
            maxRetries: '5', wires: [[]] },
        { id: 'silent-worker', type: 'flowbase-worker', z: 'silent-tab', server: config, queue: silent, concurrency: 1,
            leaseSeconds: 1, answerTimeout: 1, pollMs: 100, wires: [['silent-function']] },
        { id: 'silent-function', type: 'function', z: 'silent-tab', func: 'return null;', outputs: 1, wires: [[]] },
    ]);
}

/** Asks the server until `check` returns a value, with a deadline: the event is a database state. */
async function until(check, what) {
    const deadline = Date.now() + 60000;
    while (Date.now() < deadline) {
        const value = await check();
        if (value) return value;
        await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${what}`);
}

describe('a real Node-RED runtime with the package installed', function () {
    this.timeout(180000);
    const server = () => servers[engines()[0]];
    let userDir;
    let nodeRed;
    let log = '';

    before(async function () {
        userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flowbase-nr-e2e-'));
        fs.mkdirSync(path.join(userDir, 'node_modules'));
        fs.symlinkSync(PACKAGE, path.join(userDir, 'node_modules', 'node-red-contrib-flowbase'), 'dir');
        this.queue = unique('summaries');
        this.silent = unique('silent');
        const flow = flows(server(), this.queue, this.silent);
        const configId = flow.find((n) => n.type === 'flowbase-config').id;
        fs.writeFileSync(path.join(userDir, 'flows.json'), JSON.stringify(flow, null, 2));
        fs.writeFileSync(path.join(userDir, 'flows_cred.json'), JSON.stringify({ [configId]: { apiKey: server().operatorKey } }));
        const port = await freePort();
        fs.writeFileSync(
            path.join(userDir, 'settings.js'),
            `module.exports = ${JSON.stringify({
                uiHost: '127.0.0.1',
                uiPort: port,
                flowFile: 'flows.json',
                credentialSecret: false,
                logging: { console: { level: 'info' } },
            })};\n`,
        );
        this.editor = `http://127.0.0.1:${port}`;
        nodeRed = spawn(process.execPath, [require.resolve('node-red/red.js'), '--userDir', userDir, '--settings', path.join(userDir, 'settings.js')]);
        nodeRed.stdout.on('data', (d) => (log += d));
        nodeRed.stderr.on('data', (d) => (log += d));
        await until(() => /Started flows/.test(log), `Node-RED to start:\n${log}`);
    });

    after(async function () {
        if (nodeRed && nodeRed.exitCode === null) {
            const exited = new Promise((r) => nodeRed.on('exit', r));
            nodeRed.kill('SIGTERM');
            await exited;
        }
        fs.rmSync(userDir, { recursive: true, force: true });
    });

    it('loads every node of the package and the example flow without a missing type', async function () {
        const nodes = await fetch(`${this.editor}/nodes`, { headers: { Accept: 'application/json' } }).then((r) => r.json());
        const ours = nodes.filter((s) => s.module === 'node-red-contrib-flowbase');

        assert.deepEqual(ours.flatMap((s) => s.types).sort(), [
            'flowbase-config', 'flowbase-db', 'flowbase-enqueue', 'flowbase-role', 'flowbase-task', 'flowbase-worker',
        ]);
        assert.ok(ours.every((s) => s.enabled && !s.err), JSON.stringify(ours));
        assert.doesNotMatch(log, /missing types|Waiting for missing/);
    });

    it('inject → enqueue → worker → a function that answers → ack: the task ends succeeded', async function () {
        const ops = server().operator;
        const task = await until(async () => (await ops.get('/api/tasks', { queue: this.queue })).items[0], 'the task');
        const done = await until(async () => {
            const t = await ops.get(`/api/tasks/${task.id}`);
            return t.status === 'SUCCEEDED' && t;
        }, 'the task to succeed');

        assert.equal(done.parameters.doc, 42);
        assert.equal(done.result.doc, 42);
        assert.match(done.result.summary, /^Flowbase keeps the tasks/);
        assert.equal(done.attempt, 1);
    });

    it('a flow that never answers: the task is let go, its lease runs out, and it is given out again', async function () {
        const ops = server().operator;
        const task = await until(async () => (await ops.get('/api/tasks', { queue: this.silent })).items[0], 'the task');
        const attempts = await until(async () => {
            const a = await ops.get(`/api/tasks/${task.id}/attempts`);
            return a.length >= 2 && a;
        }, 'a second attempt');

        assert.equal(attempts.find((a) => a.attempt === 1).status, 'TIMED_OUT');
        assert.ok(attempts.some((a) => a.attempt === 2));
    });
});
