'use strict';

const { config, onInput, pick, invalid } = require('../lib/support');

const MAX_BATCH = 1000;

/**
 * Enqueues the message's payload as a task's parameters; an array payload enqueues one task per
 * element, in one transaction. `msg.task` may set any other field POST /api/tasks takes (name,
 * queue, priority, idempotencyKey, runAt, dependsOn, …) over the node's defaults.
 */
module.exports = function (RED) {
    function FlowbaseEnqueueNode(n) {
        RED.nodes.createNode(this, n);
        const node = this;
        const defaults = {
            name: n.taskName || 'task',
            queue: n.queue || 'default',
            priority: n.priority === '' || n.priority === undefined ? undefined : Number(n.priority),
            maxRetries: n.maxRetries === '' || n.maxRetries === undefined ? undefined : Number(n.maxRetries),
        };
        const cfg = config(RED, node, n.server);
        onInput(node, cfg, async (msg, client) => {
            const fields = msg.task && typeof msg.task === 'object' ? msg.task : {};
            const task = (parameters) => clean({ ...defaults, queue: pick(msg.queue, defaults.queue), ...fields, parameters });
            if (Array.isArray(msg.payload)) {
                if (msg.payload.length === 0 || msg.payload.length > MAX_BATCH) {
                    throw invalid(`payload has ${msg.payload.length} elements: a batch takes 1 to ${MAX_BATCH}`);
                }
                msg.payload = await client.post('/api/tasks/batch', { tasks: msg.payload.map(task) });
            } else {
                msg.payload = await client.post('/api/tasks', task(msg.payload));
            }
            return msg;
        });
    }
    RED.nodes.registerType('flowbase-enqueue', FlowbaseEnqueueNode);
};

function clean(task) {
    for (const key of Object.keys(task)) {
        if (task[key] === undefined || (typeof task[key] === 'number' && Number.isNaN(task[key]))) {
            delete task[key];
        }
    }
    return task;
}
