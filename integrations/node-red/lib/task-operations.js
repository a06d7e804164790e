'use strict';

const { segment } = require('./client');
const { pick } = require('./support');

/**
 * The flowbase-task node's operations, by plan 001's names. Each reads its inputs from the message
 * (`msg.taskId`, `msg.status`, `msg.workflowId`, or the same fields in `msg.payload`) and is one
 * API call; `q` carries `_debug` when debug is on.
 */
const OPERATIONS = {
    insertTask: (c, m, q) => c.post('/api/tasks', taskOf(m), q),
    getTask: (c, m, q) => c.get(`/api/tasks/${id(m)}`, q),
    listTasks: (c, m, q) =>
        c.get('/api/tasks', {
            ...q,
            status: field(m, 'status'),
            queue: field(m, 'queue'),
            workflowId: field(m, 'workflowId'),
            limit: field(m, 'limit'),
            cursor: field(m, 'cursor'),
        }),
    updateTaskStatus: (c, m, q) =>
        c.post(
            `/api/tasks/${id(m)}/status`,
            {
                status: field(m, 'status'),
                result: field(m, 'result'),
                output: field(m, 'output'),
                error: field(m, 'error'),
            },
            q,
        ),
    requeueFailedTask: (c, m, q) => c.post(`/api/tasks/${id(m)}/requeue`, undefined, q),
    cancelTask: (c, m, q) => c.post(`/api/tasks/${id(m)}/cancel`, undefined, q),
    getWorkflowProgress: (c, m, q) =>
        c.get(`/api/workflows/${segment('workflowId', field(m, 'workflowId'))}/progress`, q),
    executeTransaction: (c, m, q) =>
        c.post('/api/transactions', { operations: Array.isArray(m.payload) ? m.payload : field(m, 'operations') }, q),
};

/** A value from the message itself, else from its payload when that is an object. */
function field(m, name) {
    const p = m.payload && typeof m.payload === 'object' && !Array.isArray(m.payload) ? m.payload : {};
    return pick(m[name], p[name]);
}

function id(m) {
    return segment('taskId', pick(m.taskId, field(m, 'id')));
}

/** insertTask takes the task as POST /api/tasks does: msg.task, else msg.payload. */
function taskOf(m) {
    return m.task && typeof m.task === 'object' ? m.task : m.payload;
}

module.exports = { OPERATIONS };
