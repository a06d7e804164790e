// The servers scripts/test.mjs started, one per engine: {engine, url, adminKey, operatorKey, viewerKey}.
import crypto from 'node:crypto';

export const servers = JSON.parse(process.env.FLOWBASE_TEST_SERVERS || '[]');

if (servers.length === 0) {
    throw new Error('no Flowbase server to test against: run the tests with `npm test` (scripts/test.mjs starts them)');
}

/** A name no other test uses, for queues, roles and components. */
export function unique(prefix) {
    return `${prefix}-${crypto.randomBytes(4).toString('hex')}`;
}
