'use strict';

/** The running Flowbase server of each engine under test, filled by test/hooks.js. */
module.exports = {};
