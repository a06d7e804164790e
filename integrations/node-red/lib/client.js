'use strict';

const { createClient } = require('@flowbase/client');
const { invalid } = require('./errors');

/**
 * The nodes reach Flowbase through @flowbase/client, the one Node.js client: its HTTP API with an
 * API key, so every rule of the API (roles, audit, rate limits) holds for flows too. The nodes
 * call routes by path; `api` is the package's client for what has a method (the worker protocol).
 * Flows retry through their catch nodes, so the client never retries on its own here.
 */
class Client {
    /**
     * @param {string} url the server's address, such as http://127.0.0.1:8080
     * @param {string} apiKey a Flowbase API key (fb_…)
     * @param {{timeoutMs?: number}} [options]
     */
    constructor(url, apiKey, options = {}) {
        this.api = createClient({ url, apiKey, timeoutMs: options.timeoutMs || undefined, retry: false });
        this.apiKey = apiKey; // managed mode revokes its own key when it stops
        this.origin = this.api.origin; // never the user information a pasted URL might carry
    }

    get(path, query) {
        return this.api.request({ method: 'GET', path, query, safe: true });
    }

    post(path, body, query) {
        return this.api.request({ method: 'POST', path, body, query, safe: false });
    }

    delete(path) {
        return this.api.request({ method: 'DELETE', path, safe: false });
    }
}

/** A path segment from a value a flow supplied: an id or a name is never allowed to change the path. */
function segment(name, value) {
    if (value === undefined || value === null || String(value).trim() === '') {
        throw invalid(`${name} is missing: set it on the node or in msg`);
    }
    return encodeURIComponent(String(value));
}

module.exports = { Client, segment };
