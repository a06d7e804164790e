'use strict';

// One Flowbase server per engine for the whole suite (each JVM start costs seconds); every test
// makes its own queue names and tasks, so tests do not see each other's work.
const helper = require('node-red-node-test-helper');
const { engines, startFlowbase } = require('./support/flowbase');
const servers = require('./support/servers');

helper.init(require.resolve('node-red'));

exports.mochaHooks = {
    async beforeAll() {
        this.timeout(300000); // the first run may build the jar
        for (const engine of engines()) {
            servers[engine] = await startFlowbase(engine);
        }
    },
    async afterAll() {
        for (const engine of Object.keys(servers)) {
            await servers[engine].stop();
            delete servers[engine];
        }
    },
};
