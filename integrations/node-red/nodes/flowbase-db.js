'use strict';

const { ACTIONS, options } = require('../lib/db-actions');
const { config, onInput, pick, invalid } = require('../lib/support');

/** Database and queue administration through a Flowbase server: the action in the editor or msg.action. */
module.exports = function (RED) {
    function FlowbaseDbNode(n) {
        RED.nodes.createNode(this, n);
        const node = this;
        Object.assign(node, { action: n.action || 'status', target: n.target, to: n.to, dryRun: n.dryRun, queue: n.queue });
        const cfg = config(RED, node, n.server);
        onInput(node, cfg, async (msg, client) => {
            const action = pick(msg.action, node.action);
            const run = Object.prototype.hasOwnProperty.call(ACTIONS, action) ? ACTIONS[action] : null;
            if (!run) {
                throw invalid(`action ${JSON.stringify(action)} is not one of ${Object.keys(ACTIONS).join(', ')}`);
            }
            msg.payload = await run(client, options(node, msg));
            msg.action = action;
            return msg;
        });
    }
    RED.nodes.registerType('flowbase-db', FlowbaseDbNode);
};
