'use strict';

const assert = require('node:assert/strict');
const servers = require('./support/servers');
const { engines } = require('./support/flowbase');
const { load, serverMode, call, unique, helper } = require('./support/flows');

for (const engine of engines()) {
    describe(`flowbase-task on ${engine}`, function () {
        const server = () => servers[engine];
        afterEach(() => helper.unload());

        it('inserts a task, reads it, moves its status and refuses a move its life cycle forbids', async function () {
            const queue = unique('task');
            const flow = await load([{ id: 't', type: 'flowbase-task', operation: 'insertTask' }], serverMode(server()));

            const inserted = await call(flow, 't', { payload: { name: 'summarise', queue, parameters: { doc: 7 } } });
            const id = inserted.msg.payload.id;
            const read = await call(flow, 't', { operation: 'getTask', taskId: id });
            // Only a worker's claim makes a task running (with a lease): a status call is refused.
            const running = await call(flow, 't', { operation: 'updateTaskStatus', taskId: id, status: 'running' });
            const done = await call(flow, 't', { operation: 'updateTaskStatus', payload: { id, status: 'cancelled' } });
            const refused = await call(flow, 't', { operation: 'updateTaskStatus', taskId: id, status: 'ready' });

            assert.equal(inserted.msg.payload.status, 'READY');
            assert.equal(read.msg.payload.parameters.doc, 7);
            assert.equal(running.msg.problem.status, 409);
            assert.match(running.error.message, /lease/);
            assert.equal(done.msg.payload.status, 'CANCELLED');
            assert.equal(refused.msg.problem.status, 409);
            assert.match(refused.msg.problem.type, /invalid-transition$/);
            assert.match(refused.error.message, /CANCELLED|cancelled/);
        });

        it('requeues a failed task, cancels one, and lists a queue', async function () {
            const queue = unique('requeue');
            const failed = await server().operator.post('/api/tasks', { name: 'flaky', queue, maxRetries: 0 });
            const [claimed] = await server().operator.post(`/api/queues/${queue}/claim`, { worker: 'test' });
            await server().operator.post(`/api/tasks/${failed.id}/fail`, { attempt: claimed.attempt, error: 'boom' });
            const other = await server().operator.post('/api/tasks', { name: 'other', queue });
            const flow = await load([{ id: 't', type: 'flowbase-task', operation: 'requeueFailedTask' }], serverMode(server()));

            const requeued = await call(flow, 't', { taskId: failed.id });
            const cancelled = await call(flow, 't', { operation: 'cancelTask', taskId: other.id });
            const listed = await call(flow, 't', { operation: 'listTasks', queue, status: 'ready' });

            assert.equal(requeued.msg.payload.status, 'READY');
            assert.equal(cancelled.msg.payload.status, 'CANCELLED');
            assert.deepEqual(listed.msg.payload.items.map((t) => t.id), [failed.id]);
        });

        it('runs a transaction all or nothing', async function () {
            const queue = unique('tx');
            const kept = await server().operator.post('/api/tasks', { name: 'kept', queue });
            const flow = await load([{ id: 't', type: 'flowbase-task', operation: 'executeTransaction' }], serverMode(server()));

            const committed = await call(flow, 't', {
                payload: [
                    { op: 'insertTask', task: { name: 'a', queue } },
                    { op: 'updateTaskStatus', id: kept.id, status: 'cancelled' },
                ],
            });
            const rolledBack = await call(flow, 't', {
                payload: [
                    { op: 'insertTask', task: { name: 'b', queue } },
                    { op: 'requeueFailedTask', id: kept.id },
                ],
            });
            const names = (await server().operator.get('/api/tasks', { queue })).items.map((t) => t.name).sort();

            assert.deepEqual(committed.msg.payload.results.map((t) => t.status), ['READY', 'CANCELLED']);
            assert.match(rolledBack.error.message, /operations\[1\] \(requeueFailedTask\)/);
            assert.deepEqual(names, ['a', 'kept']);
        });

        it('reports a workflow run\'s progress, with the statements in msg._debug when debug is on', async function () {
            const workflows = await server().operator.get('/api/workflows');
            const workflowId = workflows.items[0].id;
            const flow = await load(
                [{ id: 't', type: 'flowbase-task', operation: 'getWorkflowProgress', debugMode: true }],
                serverMode(server()),
            );

            const progress = await call(flow, 't', { workflowId });
            const missing = await call(flow, 't', {});

            assert.equal(typeof progress.msg.payload.total, 'number');
            assert.equal(progress.msg.payload._debug, undefined);
            assert.ok(progress.msg._debug.statements.length > 0);
            assert.ok(progress.msg._debug.statements.every((s) => typeof s.ms === 'number' && s.statement));
            assert.match(missing.error.message, /workflowId is missing/);
        });
    });
}
