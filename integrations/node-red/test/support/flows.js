'use strict';

const helper = require('node-red-node-test-helper');
const crypto = require('node:crypto');

const NODES = ['config', 'db', 'task', 'enqueue', 'worker', 'role'].map((n) => require(`../../nodes/flowbase-${n}.js`));

/** A name no other test uses, for queues and roles. */
function unique(prefix) {
    return `${prefix}-${crypto.randomBytes(4).toString('hex')}`;
}

/**
 * Loads `nodes` (each wired to the config node `fb`) with a helper node `out` receiving the first
 * node's output, and resolves to {get(id), out}. `config` is the config node's settings and
 * credentials: {url, apiKey} in server mode.
 */
async function load(nodes, config) {
    const { credentials, ...settings } = config;
    const flow = [
        { id: 'fb', type: 'flowbase-config', mode: 'server', ...settings },
        ...nodes.map((n) => ({ server: 'fb', wires: [['out']], ...n })),
        { id: 'out', type: 'helper' },
    ];
    await helper.load(NODES, flow, { fb: credentials });
    return { get: (id) => helper.getNode(id), out: helper.getNode('out') };
}

/** Server mode against `server` with the key of `role`. */
function serverMode(server, role = 'operator') {
    return { url: server.url, credentials: { apiKey: server[`${role}Key`] } };
}

/** Sends `msg` into node `id` and resolves to the next message `out` receives, or the error it raised. */
function call(flow, id, msg) {
    return new Promise((resolve, reject) => {
        const node = flow.get(id);
        const onError = (c) => {
            flow.out.removeAllListeners('input');
            node.removeListener('call:error', onError);
            const [error, failed] = c.args;
            resolve({ error, msg: failed });
        };
        node.on('call:error', onError);
        flow.out.once('input', (m) => {
            node.removeListener('call:error', onError);
            resolve({ msg: m });
        });
        node.receive(msg);
        setTimeout(() => reject(new Error(`node ${id} neither answered nor failed`)), 30000).unref();
    });
}

module.exports = { load, serverMode, call, unique, helper };
