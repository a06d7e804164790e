'use strict';

// A real Flowbase server for the tests: its own database (a SQLite file in a temporary folder, or a
// new PostgreSQL or MariaDB database dropped afterwards), initialised with `flowbase init`, served
// on a free port, with an admin, an operator and a viewer key. The Node-RED package's tests start
// their servers with this file too.
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const crypto = require('node:crypto');

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const BIN = process.env.FLOWBASE_BIN || path.join(ROOT, 'bin', 'flowbase');

/** The engines to test on: FLOWBASE_TEST_ENGINES (bin/test sets it), else SQLite alone. */
function engines() {
    return (process.env.FLOWBASE_TEST_ENGINES || 'sqlite').split(',').map((e) => e.trim()).filter(Boolean);
}

/** A database of its own on `engine`: {engine, url, fields (Node-RED's managed mode), drop()}. */
function newDatabase(engine, prefix = 'fb_node_') {
    const name = prefix + crypto.randomBytes(5).toString('hex');
    if (engine === 'sqlite') {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flowbase-node-'));
        const file = path.join(dir, 'flowbase.db');
        return {
            engine,
            dir,
            url: `sqlite:${file}`,
            fields: { dbType: 'sqlite', sqliteFile: file },
            drop: () => fs.rmSync(dir, { recursive: true, force: true }),
        };
    }
    if (engine === 'postgresql') {
        return {
            engine,
            url: `postgresql://root@127.0.0.1:5432/${name}`,
            fields: { dbType: 'postgresql', host: '127.0.0.1', port: '5432', user: 'root', database: name },
            drop: () =>
                execFileSync('psql', ['-h', '127.0.0.1', '-U', 'root', '-d', 'postgres', '-qc', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]),
        };
    }
    if (engine === 'mariadb') {
        return {
            engine,
            url: `mariadb://root@127.0.0.1:3306/${name}`,
            fields: { dbType: 'mariadb', host: '127.0.0.1', port: '3306', user: 'root', database: name },
            drop: () => execFileSync('mariadb', ['--protocol=tcp', '-h', '127.0.0.1', '-uroot', '-e', `DROP DATABASE IF EXISTS ${name}`]),
        };
    }
    throw new Error(`unknown engine ${engine}: FLOWBASE_TEST_ENGINES takes sqlite, postgresql and mariadb`);
}

function flowbase(args, env) {
    return JSON.parse(execFileSync(BIN, [...args, '--json'], { env: { ...process.env, ...env }, encoding: 'utf8' }));
}

async function newKey(url, adminKey, role) {
    const answer = await fetch(`${url}/api/api-keys`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${adminKey}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: `test ${role}`, role }),
    });
    if (!answer.ok) {
        throw new Error(`creating a ${role} key answered ${answer.status}: ${await answer.text()}`);
    }
    return (await answer.json()).secret;
}

/** Starts `flowbase serve` on a new database of `engine`; stop() stops it and drops the database. */
async function startFlowbase(engine, extraEnv = {}) {
    const db = newDatabase(engine);
    const env = { ...process.env, DATABASE_URL: db.url, FLOWBASE_REAPER_INTERVAL_MS: '200', FLOWBASE_RATE_LIMIT: '0', ...extraEnv };
    const adminKey = flowbase(['init'], env).adminKey;
    const child = spawn(BIN, ['serve', '--port', '0'], { env });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const url = await new Promise((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d) => {
            out += d;
            const m = /Flowbase listening on (http:\/\/\S+)/.exec(out);
            if (m) resolve(m[1]);
        });
        child.on('exit', (code) => reject(new Error(`flowbase serve exited with ${code}: ${stderr}`)));
    });
    return {
        engine,
        url,
        db,
        env,
        adminKey,
        operatorKey: await newKey(url, adminKey, 'operator'),
        viewerKey: await newKey(url, adminKey, 'viewer'),
        stderr: () => stderr,
        async stop() {
            child.kill('SIGTERM');
            await exited;
            db.drop();
        },
    };
}

module.exports = { BIN, ROOT, engines, newDatabase, startFlowbase };
