'use strict';

const { OPERATIONS } = require('../lib/task-operations');
const { config, onInput, pick, invalid } = require('../lib/support');

/**
 * Plan 001's database connector: insertTask, updateTaskStatus, requeueFailedTask,
 * getWorkflowProgress, executeTransaction (and getTask, listTasks, cancelTask), chosen in the
 * editor or by msg.operation. With debug on, msg._debug carries the statements the server ran
 * for the call, by name and time (never their values).
 */
module.exports = function (RED) {
    function FlowbaseTaskNode(n) {
        RED.nodes.createNode(this, n);
        const node = this;
        node.operation = n.operation || 'insertTask';
        node.debugMode = Boolean(n.debugMode);
        const cfg = config(RED, node, n.server);
        onInput(node, cfg, async (msg, client) => {
            const operation = pick(msg.operation, node.operation);
            const run = Object.prototype.hasOwnProperty.call(OPERATIONS, operation) ? OPERATIONS[operation] : null;
            if (!run) {
                throw invalid(`operation ${JSON.stringify(operation)} is not one of ${Object.keys(OPERATIONS).join(', ')}`);
            }
            const debug = node.debugMode || msg._debug === true;
            const answer = await run(client, msg, debug ? { _debug: true } : {});
            if (debug && answer && answer._debug) {
                msg._debug = answer._debug;
                delete answer._debug;
            }
            msg.payload = answer;
            msg.operation = operation;
            return msg;
        });
    }
    RED.nodes.registerType('flowbase-task', FlowbaseTaskNode);
};
