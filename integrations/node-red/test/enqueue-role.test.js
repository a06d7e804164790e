'use strict';

const assert = require('node:assert/strict');
const servers = require('./support/servers');
const { engines } = require('./support/flowbase');
const { load, serverMode, call, unique, helper } = require('./support/flows');

for (const engine of engines()) {
    describe(`flowbase-enqueue and flowbase-role on ${engine}`, function () {
        const server = () => servers[engine];
        afterEach(() => helper.unload());

        it('enqueues the payload as parameters, an array as a batch, and a repeated key once', async function () {
            const queue = unique('enqueue');
            const flow = await load(
                [{ id: 'e', type: 'flowbase-enqueue', queue, taskName: 'summarise', priority: '5' }],
                serverMode(server()),
            );

            const one = await call(flow, 'e', { payload: { doc: 1 }, task: { idempotencyKey: 'doc-1' } });
            const again = await call(flow, 'e', { payload: { doc: 1 }, task: { idempotencyKey: 'doc-1' } });
            const batch = await call(flow, 'e', { payload: [{ doc: 2 }, { doc: 3 }] });
            const tasks = (await server().operator.get('/api/tasks', { queue })).items;

            assert.equal(one.msg.payload.name, 'summarise');
            assert.equal(one.msg.payload.priority, 5);
            assert.equal(again.msg.payload.id, one.msg.payload.id);
            assert.deepEqual(batch.msg.payload, { enqueued: 2 });
            assert.deepEqual(tasks.map((t) => t.parameters.doc).sort(), [1, 2, 3]);
        });

        it('names the field the server refused, and refuses an empty batch before sending it', async function () {
            const flow = await load([{ id: 'e', type: 'flowbase-enqueue', queue: unique('bad') }], serverMode(server()));

            const bad = await call(flow, 'e', { payload: {}, task: { priority: 'high' } });
            const empty = await call(flow, 'e', { payload: [] });

            assert.equal(bad.msg.problem.status, 400);
            assert.ok(bad.msg.problem.errors.some((e) => e.field === 'priority'), JSON.stringify(bad.msg.problem));
            assert.match(empty.error.message, /a batch takes 1 to 1000/);
        });

        it('looks an agent role and its current version up by name', async function () {
            const name = unique('writer');
            const role = await server().operator.post('/api/agent-roles', { name, systemPrompt: 'You write.', model: 'small' });
            await server().operator.post(`/api/agent-roles/${role.id}/versions`);
            const flow = await load([{ id: 'r', type: 'flowbase-role', roleName: 'planner' }], serverMode(server(), 'viewer'));

            const found = await call(flow, 'r', { roleName: name });
            const byNode = await call(flow, 'r', {});
            const missing = await call(flow, 'r', { roleName: 'nobody-' + name });

            assert.equal(found.msg.payload.systemPrompt, 'You write.');
            assert.equal(found.msg.roleVersion.version, 1);
            assert.equal(byNode.msg.payload.name, 'planner');
            assert.equal(missing.msg.problem.status, 404);
        });
    });
}
