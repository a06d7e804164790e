import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createClient, FlowbaseError } from '../dist/esm/index.js';
import { servers, unique } from './support/servers.mjs';

for (const server of servers) {
    describe(`every namespace on ${server.engine}`, () => {
        const client = createClient({ url: server.url, apiKey: server.operatorKey });
        const admin = createClient({ url: server.url, apiKey: server.adminKey });

        test('workflows: create, get, update, list, active, versions, run, progress, withTasks, delete', async () => {
            const w = await client.workflows.create({ name: unique('wf'), definition: { steps: ['a'] } });
            assert.equal((await client.workflows.get(w.id)).name, w.name);
            const active = await client.workflows.update(w.id, { status: 'ACTIVE' }, { ifMatch: w.lockVersion });
            assert.equal(active.status, 'ACTIVE');
            await assert.rejects(client.workflows.update(w.id, { priority: 3 }, { ifMatch: w.lockVersion }), { status: 412, code: 'precondition-failed' });
            assert.ok((await client.workflows.active()).some((x) => x.id === w.id));
            const listed = [];
            for await (const x of client.workflows.list({ status: 'active' }, { limit: 1 })) {
                listed.push(x.id);
            }
            assert.ok(listed.includes(w.id), 'paging one row at a time reaches every row');
            const v = await client.workflows.versions.publish(w.id, 'first');
            assert.deepEqual((await client.workflows.versions.list(w.id)).map((x) => x.version), [v.version]);
            assert.equal((await client.workflows.versions.get(w.id, v.version)).version, v.version);
            const run = await client.workflows.run(w.id, { day: 'monday' });
            assert.equal((await client.workflows.execution(run.id)).id, run.id);
            assert.ok((await client.workflows.runs(w.id).all()).some((r) => r.id === run.id));
            await client.tasks.create({ name: 'step', workflowId: w.id });
            assert.equal((await client.workflows.progress(w.id)).total, 1);
            assert.equal((await client.workflows.withTasks(w.id)).tasks.length, 1);
            await client.workflows.cancelRun(run.id);
        });

        test('tasks: create, createMany, get, list as an async iterator, runnable, setStatus, requeue, cancel', async () => {
            const queue = unique('q');
            const first = await client.tasks.create({ name: 'a', queue, idempotencyKey: unique('k') });
            assert.equal((await client.tasks.create({ name: 'a', queue, idempotencyKey: first.idempotencyKey })).id, first.id);
            assert.deepEqual(await client.tasks.createMany([{ name: 'b', queue }, { name: 'c', queue }]), { enqueued: 2 });
            assert.equal((await client.tasks.get(first.id)).name, 'a');
            const names = [];
            for await (const t of client.tasks.list({ queue, status: 'ready' }, { limit: 2 })) {
                names.push(t.name);
            }
            assert.deepEqual(names.sort(), ['a', 'b', 'c']);
            assert.ok((await client.tasks.runnable()).some((t) => t.id === first.id));
            // Only a claim makes a task running (it brings the lease the reaper needs); a call may then fail it.
            await assert.rejects(client.tasks.setStatus(first.id, 'running'), (e) => e instanceof FlowbaseError && e.code === 'invalid-transition');
            await client.queues.claim(queue, { worker: 'test', max: 3, leaseSeconds: 30 });
            const failed = await client.tasks.setStatus(first.id, 'failed', { error: 'boom' });
            assert.equal(failed.status, 'FAILED');
            assert.equal((await client.tasks.requeue(first.id)).status, 'READY');
            assert.equal((await client.tasks.cancel(first.id)).status, 'CANCELLED');
            await assert.rejects(client.tasks.setStatus(first.id, 'running'), (e) => e instanceof FlowbaseError && e.code === 'invalid-transition');
        });

        test('queues: claim, heartbeat, complete, fail, release, stats', async () => {
            const queue = unique('q');
            await client.tasks.createMany([{ name: 'x', queue, maxRetries: 0 }, { name: 'y', queue, maxRetries: 0 }, { name: 'z', queue }]);
            const [a, b, c] = await client.queues.claim(queue, { worker: 'test', max: 3, leaseSeconds: 30 });
            await client.queues.heartbeat(a.task.id, a.attempt, 60);
            assert.equal((await client.queues.complete(a.task.id, a.attempt, { ok: true })).status, 'SUCCEEDED');
            assert.equal((await client.queues.fail(b.task.id, b.attempt, 'no')).status, 'DEAD');
            assert.equal((await client.queues.release(c.task.id, c.attempt)).status, 'READY');
            await assert.rejects(client.queues.complete(b.task.id, b.attempt), { status: 409, code: 'conflict' });
            assert.ok((await client.queues.stats()).some((d) => d.queue === queue));
        });

        test('transactions: all operations, or none when one fails', async () => {
            const queue = unique('q');
            const done = await client.transactions.run([{ op: 'insertTask', task: { name: 'one', queue } }]);
            assert.equal(done.results.length, 1);
            await assert.rejects(
                client.transactions.run([{ op: 'insertTask', task: { name: 'two', queue } }, { op: 'requeueFailedTask', id: done.results[0].id }]),
                (e) => e.status === 409 && /operations\[1\]/.test(e.detail),
            );
            assert.deepEqual((await client.tasks.list({ queue }).all()).map((t) => t.name), ['one']);
        });

        test('agent roles and their versions and dependencies', async () => {
            const name = unique('role');
            const role = await client.agentRoles.create({ name, systemPrompt: 'You write.', model: 'small' });
            const helper = await client.agentRoles.create({ name: unique('helper'), systemPrompt: 'You help.' });
            assert.equal((await client.agentRoles.byName(name)).id, role.id);
            await assert.rejects(client.agentRoles.update(role.id, { model: 'large' }), (e) => e instanceof FlowbaseError && e.code === 'precondition-required');
            assert.equal((await client.agentRoles.update(role.id, { model: 'large' }, { ifMatch: role.lockVersion })).model, 'large');
            assert.equal((await client.agentRoles.update(role.id, { model: 'huge' }, { ifMatch: '*' })).model, 'huge');
            const v = await client.agentRoles.versions.publish(role.id, 'first');
            assert.equal((await client.agentRoles.versions.get(role.id, v.version)).version, v.version);
            assert.equal((await client.agentRoles.versions.list(role.id)).length, 1);
            await client.agentRoles.addDependency(role.id, helper.id);
            assert.deepEqual((await client.agentRoles.dependencies(role.id)).map((r) => r.id), [helper.id]);
            assert.ok((await client.agentRoles.list().all()).some((r) => r.id === role.id));
            await client.agentRoles.delete(helper.id).catch(() => {});
        });

        test('components, configurations, logs, health, status and statistics', async () => {
            const name = unique('comp');
            await client.components.register({ name, type: 'worker', version: '1' });
            assert.equal((await client.components.heartbeat(name, { health: 'HEALTHY' })).health, 'HEALTHY');
            assert.equal((await client.components.get(name)).name, name);
            assert.ok((await client.components.list()).some((c) => c.name === name));
            const key = unique('cfg').replace('-', '.');
            await admin.configurations.put(key, { value: 'secret-value', type: 'STRING', sensitive: true });
            assert.notEqual((await client.configurations.get(key)).value, 'secret-value');
            assert.equal((await admin.configurations.reveal(key)).value, 'secret-value');
            assert.ok((await client.configurations.list()).some((c) => c.key === key));
            await admin.configurations.delete(key);
            const firstLine = await client.logs.list({}, { limit: 5 }).page();
            assert.ok(Array.isArray(firstLine.items));
            assert.equal((await client.health()).status, 'ok');
            assert.ok((await client.status()).report);
            assert.ok(Array.isArray((await client.statistics()).tables));
        });
    });
}
