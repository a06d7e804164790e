import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { servers } from './support/servers.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const server = servers[0];
let project;

// The tarball npm would publish, installed into an empty project: what a user gets.
before(() => {
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'flowbase-client-pack-'));
    const [{ filename }] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', project], { cwd: root, encoding: 'utf8' }));
    fs.writeFileSync(path.join(project, 'package.json'), '{"name":"empty","version":"1.0.0","private":true}\n');
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', path.join(project, filename)], { cwd: project, stdio: 'pipe' });
});
after(() => fs.rmSync(project, { recursive: true, force: true }));

const program = (load) => `${load}
const client = createClient({ url: process.env.URL, apiKey: process.env.KEY });
client.tasks.create({ name: 'from the tarball', queue: 'pack' })
    .then(async (t) => console.log(JSON.stringify({ status: (await client.health()).status, task: t.name, error: typeof FlowbaseError })));
`;

function run(file, source) {
    fs.writeFileSync(path.join(project, file), source);
    const out = execFileSync(process.execPath, [file], { cwd: project, env: { ...process.env, URL: server.url, KEY: server.operatorKey }, encoding: 'utf8' });
    return JSON.parse(out);
}

test('the packed package works through import', () => {
    const answer = run('esm.mjs', program("import { createClient, FlowbaseError } from '@flowbase/client';"));
    assert.deepEqual(answer, { status: 'ok', task: 'from the tarball', error: 'function' });
});

test('the packed package works through require', () => {
    const answer = run('cjs.cjs', program("const { createClient, FlowbaseError } = require('@flowbase/client');"));
    assert.deepEqual(answer, { status: 'ok', task: 'from the tarball', error: 'function' });
});

test('the tarball holds the built code and types, not the sources or tests', () => {
    const files = fs.readdirSync(path.join(project, 'node_modules', '@flowbase', 'client'), { recursive: true });
    assert.ok(files.includes(path.join('dist', 'esm', 'index.d.ts')));
    assert.ok(files.includes(path.join('dist', 'cjs', 'index.js')));
    assert.ok(!files.some((f) => f.startsWith('test') || f.startsWith('src')));
});
