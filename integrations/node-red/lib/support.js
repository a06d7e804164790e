'use strict';

const { FlowbaseError, invalid } = require('./errors');

/**
 * What every Flowbase node does with a message: find its config node, run one piece of work,
 * show a status dot, and pass failures to Node-RED's catch nodes with the API's problem in
 * `msg.problem` (its type, status, detail and field errors; never a secret).
 */
function config(RED, node, id) {
    const cfg = RED.nodes.getNode(id);
    if (!cfg) {
        node.status({ fill: 'red', shape: 'ring', text: 'no Flowbase config' });
    }
    return cfg;
}

/** Registers `work(msg)`: its answer (when not undefined) is sent on; a thrown error goes to catch nodes. */
function onInput(node, cfg, work) {
    node.on('input', async (msg, send, done) => {
        if (!cfg) {
            done(new Error('choose a Flowbase config node'));
            return;
        }
        node.status({ fill: 'blue', shape: 'dot', text: 'working' });
        try {
            const out = await work(msg, await cfg.client());
            node.status({ fill: 'green', shape: 'dot', text: 'ok' });
            if (out !== undefined) {
                send(out);
            }
            done();
        } catch (e) {
            fail(node, e, msg, done);
        }
    });
}

function fail(node, e, msg, done) {
    node.status({ fill: 'red', shape: 'ring', text: e instanceof FlowbaseError ? e.code || 'error' : 'error' });
    if (e instanceof FlowbaseError) {
        msg.problem = e.problem;
    }
    if (done) {
        done(e);
    } else {
        node.error(e, msg);
    }
}

/** The first of the message's value and the node's setting that is given. */
function pick(...values) {
    return values.find((v) => v !== undefined && v !== null && v !== '');
}

module.exports = { config, onInput, fail, pick, invalid };
