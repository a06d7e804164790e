'use strict';

const { FlowbaseError } = require('./errors');

const DEFAULT_TIMEOUT_MS = 30000;

/**
 * The only way the nodes reach Flowbase: its HTTP API with an API key, so every rule of the API
 * (roles, audit, rate limits) holds for flows too. Answers come back parsed; a problem or no answer
 * at all is thrown as a FlowbaseError.
 */
class Client {
    /**
     * @param {string} url the server's address, such as http://127.0.0.1:8080
     * @param {string} apiKey a Flowbase API key (fb_…)
     * @param {{timeoutMs?: number}} [options]
     */
    constructor(url, apiKey, options = {}) {
        const parsed = new URL(url);
        this.origin = parsed.origin; // never the user information a pasted URL might carry
        this.base = parsed.origin + parsed.pathname.replace(/\/+$/, '');
        this.apiKey = apiKey;
        this.timeoutMs = options.timeoutMs || DEFAULT_TIMEOUT_MS;
    }

    get(path, query) {
        return this.request('GET', path, undefined, query);
    }

    post(path, body, query) {
        return this.request('POST', path, body, query);
    }

    delete(path) {
        return this.request('DELETE', path);
    }

    /** One call; `query` values that are undefined or null are left out. */
    async request(method, path, body, query) {
        const url = new URL(this.base + path);
        for (const [name, value] of Object.entries(query || {})) {
            if (value !== undefined && value !== null && value !== '') {
                url.searchParams.set(name, String(value));
            }
        }
        const headers = { Accept: 'application/json' };
        if (this.apiKey) {
            headers.Authorization = `Bearer ${this.apiKey}`;
        }
        if (body !== undefined) {
            headers['Content-Type'] = 'application/json';
        }
        let response;
        try {
            response = await fetch(url, {
                method,
                headers,
                body: body === undefined ? undefined : JSON.stringify(body),
                signal: AbortSignal.timeout(this.timeoutMs),
            });
        } catch (e) {
            throw FlowbaseError.unreachable(this.origin, e);
        }
        const text = await response.text();
        const parsed = text ? parseJson(text) : null;
        if (!response.ok) {
            throw FlowbaseError.fromProblem(parsed && typeof parsed === 'object' ? parsed : { detail: text }, response.status);
        }
        return parsed;
    }
}

function parseJson(text) {
    try {
        return JSON.parse(text);
    } catch (e) {
        return text;
    }
}

/** A path segment from a value a flow supplied: an id or a name is never allowed to change the path. */
function segment(name, value) {
    if (value === undefined || value === null || String(value).trim() === '') {
        throw FlowbaseError.invalid(`${name} is missing: set it on the node or in msg`);
    }
    return encodeURIComponent(String(value));
}

module.exports = { Client, segment };
