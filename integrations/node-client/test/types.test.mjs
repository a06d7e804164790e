import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const usage = path.join(root, 'test', 'types', 'client-usage.ts');

/** `tsc --noEmit --strict` on one file, resolving @flowbase/client through this package's exports. */
function compile(file) {
    const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const flags = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node'];
    return spawnSync(process.execPath, [tsc, ...flags, file], { cwd: root, encoding: 'utf8' });
}

test('a program that uses the client compiles under tsc --noEmit --strict', () => {
    const run = compile(usage);
    assert.equal(run.status, 0, run.stdout + run.stderr);
});

test('the same program with a misspelt field does not compile, and tsc names the field', () => {
    const misspelt = path.join(root, 'test', 'types', 'misspelt.ts');
    fs.writeFileSync(misspelt, fs.readFileSync(usage, 'utf8').replace("idempotencyKey: 'doc-42'", "idempotencyKye: 'doc-42'"));
    try {
        const run = compile(misspelt);
        assert.notEqual(run.status, 0);
        assert.match(run.stdout, /idempotencyKye/);
    } finally {
        fs.rmSync(misspelt);
    }
});
