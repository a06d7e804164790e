'use strict';

const { spawn } = require('node:child_process');
const { Client } = require('./client');

const READY = /Flowbase listening on (http:\/\/\S+)/;
const ENGINES = ['postgresql', 'mariadb', 'sqlite'];

/**
 * A Flowbase server this Node-RED starts and stops itself (the config node's managed mode):
 * `flowbase init` makes the database ready, a key is minted for this run, `flowbase serve` listens
 * on a free port of 127.0.0.1. The database password travels in the child's environment, never
 * on its command line, where any user of the machine could read it.
 */
class ManagedServer {
    /**
     * @param {object} o
     * @param {string} o.bin the flowbase command (a path, or a name found on PATH)
     * @param {string} o.engine postgresql | mariadb | sqlite
     * @param {string} [o.host] @param {number} [o.port] @param {string} [o.user] @param {string} [o.password]
     * @param {string} o.database the database name; for SQLite, the file
     * @param {string} o.cwd where the server runs (a flowbase.yml there is read)
     * @param {string} o.keyName the name the minted API key gets
     * @param {(line: string) => void} [o.log] receives the server's own log lines
     * @param {number} [o.startTimeoutMs] how long starting may take (the first run may build the jar)
     */
    constructor(o) {
        if (!ENGINES.includes(o.engine)) {
            throw new Error(`database type ${JSON.stringify(o.engine)} is not one of ${ENGINES.join(', ')}`);
        }
        this.o = o;
        this.log = o.log || (() => {});
        this.child = null;
    }

    /** Starts the server and resolves to a Client holding this run's admin key. */
    start() {
        this.starting = this.boot();
        return this.starting;
    }

    async boot() {
        const init = await this.run(['init', '--json']);
        let key = init.adminKey;
        if (!key) {
            key = (await this.run(['api-key', 'create', '--role', 'admin', '--name', this.o.keyName, '--json'])).key;
        }
        if (this.stopped) {
            throw new Error('stopped before the server was started');
        }
        const url = await this.serve();
        this.client = new Client(url, key);
        return this.client;
    }

    env() {
        const env = {};
        for (const [name, value] of Object.entries(process.env)) {
            // The flow's fields are the whole database setting: nothing inherited may redirect it.
            if (!/^(DATABASE_URL|DB_|POSTGRES_)/.test(name)) {
                env[name] = value;
            }
        }
        const o = this.o;
        env.DB_ENGINE = o.engine;
        env.DB_NAME = o.database;
        if (o.engine !== 'sqlite') {
            set(env, 'DB_HOST', o.host);
            set(env, 'DB_PORT', o.port);
            set(env, 'DB_USER', o.user);
            set(env, 'DB_PASSWORD', o.password);
        }
        return env;
    }

    /** Runs one flowbase command with --json and resolves to its JSON answer. */
    run(args) {
        return new Promise((resolve, reject) => {
            const child = spawn(this.o.bin, args, { cwd: this.o.cwd, env: this.env() });
            let out = '';
            let err = '';
            child.stdout.on('data', (d) => (out += d));
            child.stderr.on('data', (d) => (err += d));
            child.on('error', (e) => reject(notFound(this.o.bin, e)));
            child.on('close', (code) => {
                try {
                    const answer = JSON.parse(out.substring(out.indexOf('{')));
                    if (code === 0) {
                        return resolve(answer);
                    }
                    const why = answer.error ? `${answer.error.message} (${answer.error.code})` : lastLine(err);
                    return reject(new Error(`flowbase ${args[0]} failed (exit ${code}): ${why}`));
                } catch (e) {
                    return reject(new Error(`flowbase ${args[0]} failed (exit ${code}): ${lastLine(err) || out}`));
                }
            });
        });
    }

    serve() {
        return new Promise((resolve, reject) => {
            const child = spawn(this.o.bin, ['serve', '--host', '127.0.0.1', '--port', '0', '--auto-migrate'], {
                cwd: this.o.cwd,
                env: this.env(),
            });
            this.child = child;
            this.exited = new Promise((done) => child.on('exit', done));
            let seen = '';
            const timer = setTimeout(() => {
                child.kill('SIGKILL');
                reject(new Error(`flowbase serve did not start within ${this.o.startTimeoutMs || 120000} ms`));
            }, this.o.startTimeoutMs || 120000);
            child.on('error', (e) => reject(notFound(this.o.bin, e)));
            child.stdout.on('data', (d) => {
                seen += d;
                const ready = READY.exec(seen);
                if (ready) {
                    clearTimeout(timer);
                    resolve(ready[1]);
                }
            });
            let err = '';
            child.stderr.on('data', (d) => {
                err += d;
                d.toString().split('\n').filter(Boolean).forEach((line) => this.log(line));
            });
            child.on('exit', (code) => {
                clearTimeout(timer);
                reject(new Error(`flowbase serve stopped (exit ${code}): ${lastLine(err)}`));
            });
        });
    }

    /** Revokes this run's key, then stops the server (SIGTERM; SIGKILL after `graceMs`). */
    async stop(graceMs = 15000) {
        // A stop during the start waits for it, so no server is left running behind the flow.
        this.stopped = true;
        await (this.starting || Promise.resolve()).catch(() => {});
        const child = this.child;
        if (!child || child.exitCode !== null) {
            return;
        }
        await this.revokeKey().catch((e) => this.log(`could not revoke the managed API key: ${e.message}`));
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        await this.exited;
        clearTimeout(killer);
    }

    async revokeKey() {
        if (!this.client) {
            return;
        }
        const keys = await this.client.get('/api/api-keys', { limit: 1000 });
        const mine = (keys.items || []).find((k) => !k.revokedAt && this.client.apiKey.startsWith(k.keyPrefix));
        if (mine) {
            await this.client.delete(`/api/api-keys/${mine.id}`);
        }
    }
}

function set(env, name, value) {
    if (value !== undefined && value !== null && String(value) !== '') {
        env[name] = String(value);
    }
}

function lastLine(text) {
    return text.trim().split('\n').pop() || '';
}

function notFound(bin, e) {
    return e.code === 'ENOENT'
        ? new Error(`the flowbase command was not found at ${JSON.stringify(bin)}: set its path on the config node`)
        : e;
}

module.exports = { ManagedServer };
