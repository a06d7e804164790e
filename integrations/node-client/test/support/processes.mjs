import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'work.mjs');

/**
 * Starts test/support/work.mjs. `lines` holds every line it printed; until(predicate) resolves
 * once the lines so far satisfy it (checked on every new line, no polling).
 */
export function startWorker(env) {
    const child = spawn(process.execPath, [script], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'inherit'] });
    const lines = [];
    const waiting = new Set();
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
        lines.push(line);
        for (const w of waiting) {
            if (w.predicate(lines)) {
                waiting.delete(w);
                w.resolve();
            }
        }
    });
    const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    return {
        child,
        lines,
        exited,
        ids: (kind) => lines.filter((l) => l.startsWith(`${kind} `)).map((l) => l.split(' ')[1]),
        until: (predicate) =>
            predicate(lines) ? Promise.resolve() : new Promise((resolve) => waiting.add({ predicate, resolve })),
    };
}
