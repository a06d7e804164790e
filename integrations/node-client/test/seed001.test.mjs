import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createClient } from '../dist/esm/index.js';
import registry from '../dist/esm/seed001.js';
import { servers, unique } from './support/servers.mjs';

for (const server of servers) {
    describe(`seed 001's registry on ${server.engine}`, () => {
        const client = createClient({ url: server.url, apiKey: server.operatorKey });

        test('insert, update, requeue, progress, each with _debug timings in debug mode', async () => {
            const connected = await registry.connectToDatabase(server.engine, { url: server.url, apiKey: server.operatorKey, debug: true });
            assert.equal(connected.engine, server.engine);
            const w = await client.workflows.create({ name: unique('wf') });
            const queue = unique('q');
            const task = await registry.insertTask({ name: 'step', queue, workflowId: w.id, maxRetries: 0 });
            assert.ok(task._debug.statements.length > 0 && task._debug.roundTripMs >= 0);
            await assert.rejects(registry.updateTaskStatus(task.id, 'running'), (e) => e.code === 'invalid-transition');
            await client.queues.claim(queue, { worker: 'seed001', max: 1, leaseSeconds: 30 });
            assert.equal((await registry.updateTaskStatus(task.id, 'FAILED', { error: 'boom' })).status, 'FAILED');
            assert.equal((await registry.requeueFailedTask(task.id)).status, 'READY');
            const progress = await registry.getWorkflowProgress(w.id);
            assert.equal(progress.total, 1);
            assert.ok(progress._debug.roundTripMs >= 0);
        });

        test('a transaction that fails rolls back every operation, and handleDatabaseError sorts the error', async () => {
            await registry.connectToDatabase('flowbase', { url: server.url, apiKey: server.operatorKey });
            const queue = unique('q');
            const ready = await registry.insertTask({ name: 'ready', queue });
            const e = await registry
                .executeTransaction([
                    { op: 'insertTask', task: { name: 'inserted then undone', queue } },
                    { op: 'cancelTask', id: ready.id },
                    { op: 'requeueFailedTask', id: ready.id },
                ])
                .catch((x) => x);
            assert.match(e.detail, /operations\[2\]/);
            assert.deepEqual((await client.tasks.list({ queue }).all()).map((t) => [t.name, t.status]), [['ready', 'READY']]);
            const handled = registry.handleDatabaseError(e, { queue });
            assert.equal(handled.category, 'conflict');
            assert.equal(handled.retryable, false);
            assert.deepEqual(handled.context, { queue });
        });

        test('connecting names a provider that is not the server engine', async () => {
            const other = server.engine === 'sqlite' ? 'postgresql' : 'sqlite';
            await assert.rejects(registry.connectToDatabase(other, { url: server.url, apiKey: server.operatorKey }), (e) =>
                e.code === 'invalid-argument' && e.message.includes(`runs on ${server.engine}`));
            const down = registry.handleDatabaseError(await createClient({ url: 'http://127.0.0.1:9', retry: false }).health().catch((x) => x));
            assert.deepEqual([down.category, down.retryable], ['connection', true]);
        });
    });
}
