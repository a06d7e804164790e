'use strict';

const assert = require('node:assert/strict');
const servers = require('./support/servers');
const { engines } = require('./support/flowbase');
const { load, serverMode, unique, helper } = require('./support/flows');

/** Resolves to the next `n` messages node `out` receives. */
function next(out, n) {
    return new Promise((resolve) => {
        const got = [];
        const take = (m) => {
            got.push(m);
            if (got.length === n) {
                out.removeListener('input', take);
                resolve(got);
            }
        };
        out.on('input', take);
    });
}

/** Resolves once node `id` raised an error, with that error and its message. */
function failure(flow, id) {
    return new Promise((resolve) => flow.get(id).once('call:error', (c) => resolve({ error: c.args[0], msg: c.args[1] })));
}

/** Asks until `check` gives a value: the event waited for is a state in the database. */
async function eventually(check, what) {
    for (let i = 0; i < 400; i++) {
        const value = await check();
        if (value) {
            return value;
        }
        await new Promise((r) => setTimeout(r, 50)); // the interval between questions, not a guess at timing
    }
    throw new Error(`timed out waiting for ${what}`);
}

async function settled(client, id, status) {
    return eventually(async () => {
        const task = await client.get(`/api/tasks/${id}`);
        return task.status === status && task;
    }, `task ${id} to become ${status}`);
}

for (const engine of engines()) {
    describe(`flowbase-worker on ${engine}`, function () {
        const server = () => servers[engine];
        afterEach(() => helper.unload());

        it('sends one message per task up to its concurrency, completes on ack and fails on nack', async function () {
            const queue = unique('work');
            const ops = server().operator;
            const tasks = [];
            for (const doc of [1, 2, 3]) {
                tasks.push(await ops.post('/api/tasks', { name: 'work', queue, parameters: { doc } }));
            }
            const flow = await load([{ id: 'w', type: 'flowbase-worker', queue, concurrency: 2, leaseSeconds: 30 }], serverMode(server()));

            const [first, second] = await next(flow.out, 2);
            const depth = (await ops.get('/api/queues')).find((q) => q.queue === queue);
            const third = next(flow.out, 1);
            flow.get('w').receive({ ...first, payload: { summary: 'done' }, ack: true });
            const [last] = await third;
            flow.get('w').receive({ ...second, nack: new Error('model timed out') });
            flow.get('w').receive({ ...last, payload: 'plain text result' });

            assert.equal(depth.running, 2);
            assert.equal(depth.ready, 1);
            assert.deepEqual([first, second, last].map((m) => m.payload.doc).sort(), [1, 2, 3]);
            assert.equal(first.flowbase.attempt, 1);
            const done = await settled(ops, first.flowbase.taskId, 'SUCCEEDED');
            assert.deepEqual(done.result, { summary: 'done' });
            assert.equal((await settled(ops, last.flowbase.taskId, 'SUCCEEDED')).result, 'plain text result');
            const attempts = await eventually(async () => {
                const a = await ops.get(`/api/tasks/${second.flowbase.taskId}/attempts`);
                return a.length > 0 && a[0].status !== 'RUNNING' && a;
            }, 'the failed attempt');
            assert.equal(attempts[0].status, 'FAILED');
            assert.equal(attempts[0].errorMessage, 'model timed out');
        });

        it('refuses an answer for a task taken away, and for a task it never held', async function () {
            const queue = unique('stale');
            const ops = server().operator;
            const task = await ops.post('/api/tasks', { name: 'work', queue });
            const flow = await load([{ id: 'w', type: 'flowbase-worker', queue }], serverMode(server()));
            const [msg] = await next(flow.out, 1);
            await ops.post(`/api/tasks/${task.id}/cancel`);

            const conflict = failure(flow, 'w');
            flow.get('w').receive({ ...msg, ack: true });
            const stale = await conflict;
            const unknown = failure(flow, 'w');
            flow.get('w').receive({ ...msg, ack: true });
            const notHeld = await unknown;

            assert.equal(stale.msg.problem.status, 409);
            assert.match(stale.msg.problem.type, /conflict$/);
            assert.match(notHeld.error.message, /is not held by this worker/);
        });

        it('lets an unanswered task go when its answer time is up, and the server gives it out again', async function () {
            const queue = unique('silent');
            const task = await server().operator.post('/api/tasks', { name: 'work', queue, maxRetries: 5 });
            const flow = await load(
                [{ id: 'w', type: 'flowbase-worker', queue, leaseSeconds: 1, answerTimeout: 1 }],
                serverMode(server()),
            );

            const [first, again] = await next(flow.out, 2);
            const attempts = await server().operator.get(`/api/tasks/${task.id}/attempts`);

            assert.equal(first.flowbase.attempt, 1);
            assert.equal(again.flowbase.taskId, task.id);
            assert.ok(again.flowbase.attempt > 1);
            assert.equal(attempts.find((a) => a.attempt === 1).status, 'TIMED_OUT');
        });

        it('gives the tasks it holds back at once when the flow stops', async function () {
            const queue = unique('stop');
            const task = await server().operator.post('/api/tasks', { name: 'work', queue });
            const flow = await load([{ id: 'w', type: 'flowbase-worker', queue, leaseSeconds: 600 }], serverMode(server()));
            await next(flow.out, 1);

            await helper.unload();
            const after = await server().operator.get(`/api/tasks/${task.id}`);
            const attempts = await server().operator.get(`/api/tasks/${task.id}/attempts`);

            assert.equal(after.status, 'READY');
            assert.equal(attempts[0].status, 'CANCELLED');
        });
    });
}
