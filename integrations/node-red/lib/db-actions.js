'use strict';

const { segment } = require('./client');
const { pick } = require('./support');

/**
 * The flowbase-db node's actions (plan 000: status, test connection, migrate, seed, validate; plus
 * the queue's statistics and dead letters), each one API call. `o` holds the node's settings,
 * overridden by the message: `msg.target`, `msg.to`, `msg.dryRun`, `msg.confirm`, `msg.queue`,
 * `msg.taskId`.
 */
const ACTIONS = {
    status: (c) => c.get('/api/database/status'),
    testConnection: (c) => c.post('/api/database/test-connection'),
    statistics: (c) => c.get('/api/database/statistics'),
    migrations: (c) => c.get('/api/migrations'),
    preview: (c) => c.get('/api/migrations/pending'),
    migrate: (c, o) => c.post('/api/migrations/apply', o.target ? { target: String(o.target) } : {}),
    rollback: (c, o) =>
        c.post('/api/migrations/rollback', {
            to: String(required('to (the version to roll back to)', o.to)),
            dryRun: Boolean(o.dryRun),
            confirm: Boolean(o.confirm),
        }),
    validate: (c) => c.get('/api/schema/validate'),
    validateMigrations: (c) => c.get('/api/migrations/validate'),
    repair: (c) => c.post('/api/migrations/repair'),
    seed: (c) => c.post('/api/seeds/run'),
    getQueueStats: (c) => c.get('/api/queues'),
    deadLetters: (c, o) => c.get('/api/tasks', { status: 'dead', queue: o.queue, limit: o.limit || 100 }),
    requeueFailed: (c, o) => c.post(`/api/tasks/${segment('taskId', o.taskId)}/requeue`),
};

function required(name, value) {
    segment(name, value); // throws the error that names what is missing
    return value;
}

/** The settings an action reads, the message's first, then the node's. */
function options(node, msg) {
    return {
        target: pick(msg.target, node.target),
        to: pick(msg.to, node.to),
        dryRun: pick(msg.dryRun, node.dryRun),
        confirm: pick(msg.confirm, false),
        queue: pick(msg.queue, node.queue),
        taskId: pick(msg.taskId, msg.payload && msg.payload.id),
        limit: msg.limit,
    };
}

module.exports = { ACTIONS, options };
