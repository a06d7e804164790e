'use strict';

const os = require('node:os');
const { TaskWorker } = require('../lib/task-worker');
const { config, fail } = require('../lib/support');

/**
 * Takes tasks of a queue and sends one message per task: msg.payload is the task's parameters,
 * msg.task the task, msg.flowbase its lease ({taskId, attempt, queue}). Send the message back to
 * this node's input when the flow is done: with msg.nack (an error text or true) the attempt fails
 * and is retried after a backoff; otherwise it completes, msg.payload kept as its result.
 */
module.exports = function (RED) {
    function FlowbaseWorkerNode(n) {
        RED.nodes.createNode(this, n);
        const node = this;
        const cfg = config(RED, node, n.server);
        if (!cfg) {
            return;
        }
        const queue = n.queue || 'default';
        let lastError = null;
        const show = (running) =>
            node.status({ fill: running > 0 ? 'blue' : 'green', shape: 'dot', text: `${running} running · ${queue}` });

        const started = cfg.client().then((client) => {
            node.worker = new TaskWorker({
                client,
                queue,
                worker: `node-red:${os.hostname()}:${node.id}`,
                concurrency: positive(n.concurrency, 1),
                leaseSeconds: positive(n.leaseSeconds, 30),
                answerTimeoutSeconds: positive(n.answerTimeout, 300),
                pollMs: positive(n.pollMs, 250),
                onTask: (claimed) => {
                    lastError = null;
                    node.send({
                        payload: claimed.task.parameters,
                        task: claimed.task,
                        flowbase: { taskId: claimed.task.id, attempt: claimed.attempt, queue },
                    });
                },
                onTimeout: (claimed) =>
                    node.warn(`task ${claimed.task.id} was not answered in time: its lease runs out and it is retried`),
                onChange: show,
                onError: (e) => {
                    // A server that is away fails every poll: report it once, not every poll.
                    if (lastError !== e.message) {
                        lastError = e.message;
                        fail(node, e, { payload: null, problem: e.problem });
                    }
                },
            }).start();
            show(0);
        });
        started.catch((e) => fail(node, e, { payload: null }));

        node.on('input', async (msg, send, done) => {
            const lease = msg.flowbase || {};
            const id = lease.taskId || (msg.task && msg.task.id);
            try {
                await started;
                const nack = msg.nack;
                const error = nack ? (typeof nack === 'string' ? nack : nack.message || 'failed in the flow') : undefined;
                await node.worker.answer(id, { error, result: error === undefined ? msg.payload : undefined });
                done();
            } catch (e) {
                fail(node, e, msg, done);
            }
        });

        node.on('close', (done) => {
            const stopping = node.worker ? node.worker.stop() : Promise.resolve();
            stopping.then(() => done(), () => done());
        });
    }

    function positive(value, fallback) {
        const n = Number(value);
        return Number.isFinite(n) && n > 0 ? n : fallback;
    }

    RED.nodes.registerType('flowbase-worker', FlowbaseWorkerNode);
};
