import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { generate, load, TARGET } from '../scripts/generate-types.mjs';
import { servers } from './support/servers.mjs';

// The committed types must be what the server serves now: a route or a field changed on the
// server without `node scripts/generate-types.mjs <server>` fails here.
for (const server of servers) {
    test(`the committed types match the OpenAPI document ${server.engine}'s server serves`, async () => {
        const served = await generate(await load(server.url));
        const committed = fs.readFileSync(TARGET, 'utf8');
        const a = served.split('\n');
        const b = committed.split('\n');
        const line = a.findIndex((l, i) => l !== b[i]);
        assert.ok(
            served === committed,
            `src/generated/openapi.ts differs from the served document at line ${line + 1}: ` +
                `served ${JSON.stringify(a[line])}, committed ${JSON.stringify(b[line])}; ` +
                'run `node scripts/generate-types.mjs <server address>` and commit it',
        );
    });
}
