import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, before, describe, test } from 'node:test';
import { createClient, FlowbaseError } from '../dist/esm/index.js';
import { startProxy } from './support/proxy.mjs';
import { servers, unique } from './support/servers.mjs';

// Only the first engine: retrying is the client's behaviour, whatever the database.
const server = servers[0];

describe('errors and retries, through a proxy the test switches off and on', () => {
    let proxy;
    let client;
    before(async () => {
        proxy = await startProxy(server.url);
        client = createClient({ url: proxy.url, apiKey: server.operatorKey, retry: { baseMs: 20, maxMs: 200, attempts: 1000, deadlineMs: 60000 } });
    });
    after(() => proxy.close());

    test('a problem becomes a FlowbaseError with status, code, title, detail and the field errors', async () => {
        proxy.set('up');
        const e = await client.tasks.create({ name: 'x', priority: 'high' }).catch((x) => x);
        assert.ok(e instanceof FlowbaseError);
        assert.equal(e.status, 400);
        assert.equal(e.code, 'invalid-argument');
        assert.ok(e.title.length > 0 && e.detail.length > 0);
        assert.equal(e.errors[0].field, 'priority');
        assert.ok(!e.message.includes(server.operatorKey), 'the key never appears in an error');
    });

    test('a safe call retries while the server is gone and succeeds once it is back; nothing is enqueued twice', async () => {
        const queue = unique('q');
        const key = unique('k');
        proxy.set('down');
        const call = client.tasks.create({ name: 'once', queue, idempotencyKey: key });
        await once(proxy, 'dropped');
        await once(proxy, 'dropped'); // retried at least once
        proxy.set('up');
        const task = await call;
        assert.equal(task.idempotencyKey, key);
        assert.deepEqual((await client.tasks.list({ queue }).all()).map((t) => t.id), [task.id]);
    });

    test('settleAndClaim sends its claim once: when that try is lost, the entries alone are sent again and nothing is claimed', async () => {
        const queue = unique('q');
        proxy.set('up');
        await client.tasks.createMany([{ name: 'a', queue }, { name: 'b', queue }]);
        const [a] = await client.queues.claim(queue, { worker: 'w', max: 1 });
        proxy.set('down');
        const call = client.queues.settleAndClaim([{ id: a.task.id, attempt: a.attempt, outcome: 'succeeded' }], { queue, worker: 'w', max: 5 });
        await once(proxy, 'dropped'); // the call with its claim
        await once(proxy, 'dropped'); // the entries alone, tried again
        proxy.set('up');
        const { results, claimed } = await call;
        assert.equal(results[0].task.status, 'SUCCEEDED');
        assert.deepEqual(claimed, []);
        const tasks = await client.tasks.list({ queue }).all();
        assert.deepEqual(tasks.map((t) => [t.name, t.status]).sort(), [['a', 'SUCCEEDED'], ['b', 'READY']]);
    });

    test('an unsafe call fails once with a clear error and is not sent again', async () => {
        const queue = unique('q');
        proxy.set('down');
        const before = proxy.dropped;
        const e = await client.tasks.create({ name: 'no key', queue }).catch((x) => x);
        assert.equal(e.code, 'unreachable');
        assert.equal(e.status, 0);
        assert.match(e.message, new RegExp(`no answer from ${proxy.url}`));
        assert.equal(proxy.dropped - before, 1, 'one try only');
        proxy.set('up');
        assert.deepEqual(await client.tasks.list({ queue }).all(), []);
    });

    test('429 and 503 are retried for safe calls; Retry-After reaches the error when retrying is off', async () => {
        const queue = unique('q');
        const made = await client.tasks.create({ name: 'r', queue });
        proxy.set('busy:429:0');
        const read = client.tasks.get(made.id);
        await once(proxy, 'answered');
        proxy.set('busy:503:0');
        await once(proxy, 'answered');
        proxy.set('up');
        assert.equal((await read).id, made.id);
        proxy.set('busy:429:7');
        const noRetry = createClient({ url: proxy.url, apiKey: server.operatorKey, retry: false });
        const e = await noRetry.tasks.get(made.id).catch((x) => x);
        assert.equal(e.status, 429);
        assert.equal(e.retryAfter, 7);
        proxy.set('up');
    });

    test('retries stop at the total deadline', async () => {
        proxy.set('down');
        const short = createClient({ url: proxy.url, apiKey: server.operatorKey, retry: { baseMs: 10, maxMs: 20, attempts: 1000, deadlineMs: 300 } });
        const e = await short.tasks.get('01a24ea9-6ff1-73fe-9bd4-39b7c5bb3497').catch((x) => x);
        assert.ok(['unreachable', 'timeout'].includes(e.code), `no answer in time: ${e.code}`);
        assert.ok(proxy.dropped > 1);
        proxy.set('up');
    });

    test('an AbortSignal ends a call, its retries included', async () => {
        proxy.set('down');
        const controller = new AbortController();
        const call = client.health({ signal: controller.signal }).catch((x) => x);
        await once(proxy, 'dropped');
        controller.abort();
        const e = await call;
        assert.equal(e.code, 'aborted');
        proxy.set('up');
    });
});
