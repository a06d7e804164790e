'use strict';

const assert = require('node:assert/strict');
const servers = require('./support/servers');
const { engines } = require('./support/flowbase');
const { load, serverMode, call, helper } = require('./support/flows');

for (const engine of engines()) {
    describe(`flowbase-db on ${engine}`, function () {
        const server = () => servers[engine];
        afterEach(() => helper.unload());

        it('reports status, tests the connection and validates the schema', async function () {
            const flow = await load([{ id: 'db', type: 'flowbase-db', action: 'status' }], serverMode(server(), 'admin'));

            const status = await call(flow, 'db', {});
            const tested = await call(flow, 'db', { action: 'testConnection' });
            const valid = await call(flow, 'db', { action: 'validate' });

            assert.equal(status.msg.payload.report.engine, engine);
            assert.equal(status.msg.action, 'status');
            assert.equal(tested.error, undefined, tested.error && tested.error.message);
            assert.equal(valid.msg.payload.matches, true);
        });

        it('previews, migrates (nothing pending), lists migrations, validates them and seeds', async function () {
            const flow = await load([{ id: 'db', type: 'flowbase-db', action: 'preview' }], serverMode(server(), 'admin'));

            const preview = await call(flow, 'db', {});
            const migrated = await call(flow, 'db', { action: 'migrate' });
            const listed = await call(flow, 'db', { action: 'migrations' });
            const checked = await call(flow, 'db', { action: 'validateMigrations' });
            const seeded = await call(flow, 'db', { action: 'seed' });

            assert.deepEqual(preview.msg.payload.executed, []);
            assert.deepEqual(migrated.msg.payload.executed, []);
            assert.ok(listed.msg.payload.entries.length >= 2);
            assert.deepEqual(checked.msg.payload.problems, []);
            assert.equal(seeded.msg.payload.environment, 'development');
        });

        it('previews a rollback without changing anything, and asks for the version when it is missing', async function () {
            const flow = await load([{ id: 'db', type: 'flowbase-db', action: 'rollback' }], serverMode(server(), 'admin'));

            const preview = await call(flow, 'db', { to: '1', dryRun: true });
            const missing = await call(flow, 'db', {});
            const after = await call(flow, 'db', { action: 'migrations' });

            assert.ok(preview.msg.payload.undone.length >= 1);
            assert.match(missing.error.message, /to \(the version to roll back to\) is missing/);
            assert.ok(after.msg.payload.entries.every((m) => m.state === 'success'));
        });

        it('refuses what the key may not do, with the problem for catch nodes', async function () {
            const flow = await load([{ id: 'db', type: 'flowbase-db', action: 'migrate' }], serverMode(server(), 'viewer'));

            const refused = await call(flow, 'db', {});
            const unknown = await call(flow, 'db', { action: 'dropEverything' });

            assert.equal(refused.msg.problem.status, 403);
            assert.match(refused.msg.problem.type, /\/forbidden$/);
            assert.match(refused.error.message, /403 forbidden/);
            assert.match(unknown.error.message, /action "dropEverything" is not one of status, testConnection/);
        });

        it('reads queue statistics and dead letters, and requeues a dead letter', async function () {
            const queue = `dead-${engine}-${Date.now()}`;
            const task = await server().operator.post('/api/tasks', { name: 'doomed', queue, maxRetries: 0 });
            const [claimed] = await server().operator.post(`/api/queues/${queue}/claim`, { worker: 'test' });
            await server().operator.post(`/api/tasks/${task.id}/fail`, { attempt: claimed.attempt, error: 'boom' });
            const flow = await load([{ id: 'db', type: 'flowbase-db', action: 'deadLetters', queue }], serverMode(server()));

            const dead = await call(flow, 'db', {});
            const stats = await call(flow, 'db', { action: 'getQueueStats' });
            const requeued = await call(flow, 'db', { action: 'requeueFailed', taskId: task.id });

            assert.deepEqual(dead.msg.payload.items.map((t) => t.id), [task.id]);
            assert.equal(stats.msg.payload.find((q) => q.queue === queue).dead, 1);
            assert.equal(requeued.msg.payload.status, 'READY');
        });
    });
}
