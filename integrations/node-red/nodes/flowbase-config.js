'use strict';

const path = require('node:path');
const fs = require('node:fs');
const { Client } = require('../lib/client');
const { ManagedServer } = require('../lib/managed');

/**
 * Where the nodes find Flowbase. In server mode, a running server's URL and an API key; in managed
 * mode, the database fields of plan 000, and this node starts `flowbase serve` for them and stops it
 * when the flow is redeployed or Node-RED stops. Secrets (the key, the password) are credentials:
 * Node-RED keeps them out of the flow file.
 */
module.exports = function (RED) {
    function FlowbaseConfigNode(n) {
        RED.nodes.createNode(this, n);
        const node = this;
        node.name = n.name;
        node.mode = n.mode || 'server';
        const creds = node.credentials || {};

        if (node.mode === 'managed') {
            const userDir = (RED.settings && RED.settings.userDir) || process.cwd();
            const engine = n.dbType || 'sqlite';
            const file = n.sqliteFile || path.join(userDir, 'flowbase', 'flowbase.db');
            if (engine === 'sqlite') {
                fs.mkdirSync(path.dirname(path.resolve(userDir, file)), { recursive: true });
            }
            node.managed = new ManagedServer({
                bin: n.flowbaseBin || 'flowbase',
                engine,
                host: n.host,
                port: n.port,
                user: n.user,
                password: creds.password,
                database: engine === 'sqlite' ? path.resolve(userDir, file) : n.database,
                cwd: userDir,
                keyName: `node-red ${node.id}`,
                log: (line) => node.debug(line),
            });
            node.log(`starting a managed Flowbase server (${engine})`);
            node.ready = node.managed.start().then(
                (client) => {
                    node.log(`managed Flowbase server listening on ${client.origin}`);
                    return client;
                },
                (e) => {
                    node.error(`the managed Flowbase server did not start: ${e.message}`);
                    throw e;
                },
            );
        } else if (!n.url) {
            node.ready = Promise.reject(new Error('the Flowbase config node has no server URL'));
        } else {
            node.ready = Promise.resolve(new Client(n.url, creds.apiKey, { timeoutMs: Number(n.timeoutMs) || undefined }));
        }
        // A failed start is reported to each node that asks for the client, not as an unhandled rejection.
        node.ready.catch(() => {});

        /** The client, once the server is there (at once in server mode). */
        node.client = () => node.ready;

        node.on('close', (removed, done) => {
            if (!node.managed) {
                return done();
            }
            node.managed.stop().then(
                () => done(),
                (e) => {
                    node.warn(`stopping the managed Flowbase server: ${e.message}`);
                    done();
                },
            );
        });
    }

    RED.nodes.registerType('flowbase-config', FlowbaseConfigNode, {
        credentials: {
            apiKey: { type: 'password' },
            password: { type: 'password' },
        },
    });

    // The editor's "Test connection" button, for a deployed config node: asks the server to open a
    // new database connection, with the key the node holds (operators and admins may).
    RED.httpAdmin.post('/flowbase-config/:id/test', RED.auth.needsPermission('flows.write'), async (req, res) => {
        const cfg = RED.nodes.getNode(req.params.id);
        if (!cfg || typeof cfg.client !== 'function') {
            return res.status(404).json({ ok: false, detail: 'deploy the config node first, then test it' });
        }
        try {
            const client = await cfg.client();
            res.json({ ok: true, result: await client.post('/api/database/test-connection') });
        } catch (e) {
            res.status(200).json({ ok: false, detail: e.message, problem: e.problem });
        }
    });
};
