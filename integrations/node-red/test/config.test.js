'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const servers = require('./support/servers');
const { BIN, engines, newDatabase } = require('./support/flowbase');
const { load, serverMode, call, helper } = require('./support/flows');

describe('flowbase-config, server mode', function () {
    const server = () => servers[engines()[0]];
    afterEach(() => helper.unload());

    it('reports a server that is down as unreachable, naming its address only', async function () {
        const flow = await load([{ id: 'db', type: 'flowbase-db' }], {
            url: 'http://someone:hunter2@127.0.0.1:9',
            credentials: { apiKey: 'fb_secret' },
        });

        const down = await call(flow, 'db', {});

        assert.match(down.error.message, /no answer from http:\/\/127\.0\.0\.1:9/);
        assert.equal(down.msg.problem.type, 'https://flowbase.dev/problems/unreachable');
        assert.equal(down.msg.problem.status, 0);
        assert.doesNotMatch(JSON.stringify([down.error.message, down.msg.problem]), /hunter2|fb_secret/);
    });

    it('reports a wrong key as unauthenticated, without the key', async function () {
        const flow = await load([{ id: 'db', type: 'flowbase-db' }], {
            url: server().url,
            credentials: { apiKey: 'fb_not_a_real_key_0000000000000000000000' },
        });

        const refused = await call(flow, 'db', {});

        assert.equal(refused.msg.problem.status, 401);
        assert.match(refused.msg.problem.type, /unauthenticated$/);
        assert.doesNotMatch(refused.error.message, /fb_not_a_real_key/);
    });

    it('tests the connection from the editor for a deployed config node', async function () {
        await load([{ id: 'db', type: 'flowbase-db' }], serverMode(server()));

        const ok = await helper.request().post('/flowbase-config/fb/test').expect(200);
        const missing = await helper.request().post('/flowbase-config/nope/test').expect(404);

        assert.equal(ok.body.ok, true);
        assert.equal(missing.body.ok, false);
    });
});

for (const engine of engines()) {
    describe(`flowbase-config, managed mode on ${engine}`, function () {
        this.timeout(180000);
        let userDir;
        let db;
        beforeEach(() => {
            userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flowbase-nr-user-'));
            helper.settings({ userDir });
            db = newDatabase(engine);
        });
        afterEach(async () => {
            await helper.unload();
            helper.settings({});
            db.drop();
            fs.rmSync(userDir, { recursive: true, force: true });
        });

        it('starts a Flowbase server for the database fields, serves the nodes, and stops it on redeploy', async function () {
            const { sqliteFile, ...fields } = db.fields;
            const config = { mode: 'managed', flowbaseBin: BIN, ...fields, credentials: {} };
            if (engine === 'sqlite') {
                config.sqliteFile = 'flowbase/managed.db'; // relative: under the user directory
            }
            const flow = await load([{ id: 'db', type: 'flowbase-db', action: 'status' }], config);

            const status = await call(flow, 'db', {});
            const client = await helper.getNode('fb').client();
            const keysBefore = (await client.get('/api/api-keys')).items.filter((k) => !k.revokedAt);
            await helper.unload();
            const after = await fetch(client.origin + '/health/live').then(
                () => 'answered',
                () => 'stopped',
            );

            assert.equal(status.msg.payload.report.engine, engine);
            assert.equal(status.msg.payload.report.checks.find((c) => c.name === 'migrations').verdict, 'OK');
            assert.ok(keysBefore.some((k) => client.apiKey.startsWith(k.keyPrefix)));
            assert.equal(after, 'stopped');
            if (engine === 'sqlite') {
                assert.ok(fs.existsSync(path.join(userDir, 'flowbase', 'managed.db')));
            }
        });

        it('reports a flowbase command that is not there', async function () {
            const flow = await load([{ id: 'db', type: 'flowbase-db' }], {
                mode: 'managed',
                flowbaseBin: path.join(userDir, 'no-such-flowbase'),
                ...db.fields,
                credentials: {},
            });

            const failed = await call(flow, 'db', {});

            assert.match(failed.error.message, /the flowbase command was not found/);
        });
    });
}
