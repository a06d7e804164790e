'use strict';

const { FlowbaseError } = require('@flowbase/client');

/**
 * A failed call is @flowbase/client's FlowbaseError: `status`, `code` (the problem's slug), and
 * `problem` (RFC 9457) for catch nodes. Its message never holds the API key or a password: the
 * server's problems never do, and the client names the server by its origin only.
 */

/** A value the flow gave that Flowbase would refuse, caught before it is sent. */
function invalid(detail) {
    return new FlowbaseError({
        status: 400,
        code: 'invalid-argument',
        title: 'Invalid argument',
        detail,
        type: 'https://flowbase.dev/problems/invalid-argument',
    });
}

module.exports = { FlowbaseError, invalid };
