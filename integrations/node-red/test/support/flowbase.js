'use strict';

// A real Flowbase server per engine, started as @flowbase/client's tests start theirs (its own
// database, `flowbase init`, a free port, admin, operator and viewer keys), with a Client of the
// nodes' own for the admin and the operator.
const { BIN, ROOT, engines, newDatabase, startFlowbase: start } = require('../../../node-client/test/support/server.cjs');
const { Client } = require('../../lib/client');

async function startFlowbase(engine, extraEnv = {}) {
    const server = await start(engine, extraEnv);
    server.admin = new Client(server.url, server.adminKey);
    server.operator = new Client(server.url, server.operatorKey);
    return server;
}

module.exports = { BIN, ROOT, engines, newDatabase, startFlowbase };
