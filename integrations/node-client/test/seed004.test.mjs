import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createClient } from '../dist/esm/index.js';
import { initializeDatabase, getTaskModel, getWorkflowModel } from '../dist/esm/seed004.js';
import { servers } from './support/servers.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The JavaScript samples of seed 004's README "Usage" section (test/fixtures/seed004-README.md, the
 * seed as written), in order, with the import line changed and nothing else. The README leaves
 * `userId`, `validationTaskId` and `workflowId` undefined; the glue lines define them, and the last
 * one prints what the samples built.
 */
function samples() {
    const readme = fs.readFileSync(path.join(root, 'test', 'fixtures', 'seed004-README.md'), 'utf8');
    const usage = readme.slice(readme.indexOf('## Usage'), readme.indexOf('## Database Schema Details'));
    const blocks = [...usage.matchAll(/```javascript\n([\s\S]*?)```/g)].map((m) => m[1].replaceAll("'./src/database/index.js'", "'@flowbase/client/seed004'"));
    assert.equal(blocks.length, 5, 'Basic Setup, Creating Workflows, Creating Tasks, Querying Data, Health Monitoring');
    return [
        "import { createClient } from '@flowbase/client';",
        'const glue = createClient({ url: process.env.FLOWBASE_URL, apiKey: process.env.FLOWBASE_API_KEY });',
        'const userId = undefined;',
        "const validationTaskId = (await glue.tasks.create({ name: 'Validate', queue: 'seed004' })).id;",
        blocks[0],
        blocks[1],
        blocks[2],
        'const workflowId = workflow.id;',
        blocks[3],
        blocks[4],
        'console.log(JSON.stringify({ workflow, task, activeWorkflows, workflowWithTasks, runnableTasks, progress, health, stats }));',
    ].join('\n');
}

for (const server of servers) {
    describe(`seed 004 on ${server.engine}`, () => {
        test("the README's samples run with only the import line changed", () => {
            const file = path.join(root, 'test', '.seed004-samples.mjs');
            fs.writeFileSync(file, samples());
            let out;
            try {
                out = execFileSync(process.execPath, [file], {
                    cwd: root,
                    env: { ...process.env, FLOWBASE_URL: server.url, FLOWBASE_API_KEY: server.operatorKey },
                    encoding: 'utf8',
                });
            } finally {
                fs.rmSync(file);
            }
            const lines = out.trim().split('\n');
            assert.equal(lines[0], 'Database status: healthy');
            assert.match(lines[1], /^Database size: \d+ (bytes|kB|MB|GB)$/);
            assert.match(lines[2], /^Active connections: /);
            const r = JSON.parse(lines[3]);
            assert.equal(r.workflow.status, 'DRAFT');
            assert.deepEqual(r.workflow.configuration, { timeout: 3600, retries: 3 }, 'kept, and read back where the seed reads it');
            assert.deepEqual(r.workflow.environment_variables, { NODE_ENV: 'production' });
            assert.deepEqual(r.workflow.definition, { stages: ['validation', 'testing', 'deployment'], parallel: true });
            assert.equal(r.task.workflow_id, r.workflow.id);
            assert.equal(r.task.command, 'npm test');
            assert.equal(r.task.execution_order, 2);
            assert.equal(r.task.timeout_seconds, 600);
            assert.deepEqual(r.task.parameters, { coverage: true, reporter: 'json' });
            assert.equal(r.task.status, 'PENDING', 'it waits for the validation task it depends on');
            assert.deepEqual(r.workflowWithTasks.tasks.map((t) => t.id), [r.task.id]);
            assert.deepEqual(r.runnableTasks, []);
            assert.equal(r.progress.total_tasks, 1);
            assert.ok(Array.isArray(r.activeWorkflows));
        });

        test('a field with no column is refused with an error naming it; a status and a timeout are set after the create', async () => {
            await initializeDatabase({ url: server.url, apiKey: server.operatorKey });
            await assert.rejects(getTaskModel().createTask({ name: 'x', exit_code: 0 }), (e) => e.code === 'invalid-argument' && /task\.exit_code/.test(e.message));
            const w = await getWorkflowModel().createWorkflow({ name: 'live', status: 'active', timeout_seconds: 60 });
            assert.equal(w.status, 'ACTIVE');
            assert.equal(w.timeout_seconds, 60);
            assert.ok((await getWorkflowModel().getActiveWorkflows()).some((x) => x.id === w.id));
            const client = createClient({ url: server.url, apiKey: server.operatorKey });
            const t = await getTaskModel().createTask({ workflow_id: w.id, name: 'ready one', command: 'ls' });
            assert.deepEqual((await getTaskModel().getRunnableTasks(w.id)).map((x) => x.id), [t.id]);
            assert.deepEqual((await client.tasks.get(t.id)).parameters, { _seed: { command: 'ls' } }, 'where the README table says');
        });
    });
}
