'use strict';

/**
 * A failed call to Flowbase, carrying the API's problem (RFC 9457) so a catch node can branch on
 * `problem.type` or `status`. Its message never holds the API key or a database password: the
 * server's problems never do, and the client names the server by its origin only.
 */
class FlowbaseError extends Error {
    constructor(message, problem) {
        super(message);
        this.name = 'FlowbaseError';
        this.problem = problem;
        this.status = problem.status;
        this.type = problem.type;
        this.code = slug(problem.type);
    }

    /** The error from a problem+json answer: "Conflict (409 conflict): task … is running at attempt 2". */
    static fromProblem(problem, status) {
        const p = Object.assign({ status }, problem || {});
        const title = p.title || `HTTP ${status}`;
        const code = slug(p.type) || String(status);
        const detail = p.detail ? `: ${p.detail}` : '';
        return new FlowbaseError(`${title} (${p.status} ${code})${detail}`, p);
    }

    /** A value the flow gave that Flowbase would refuse, caught before it is sent. */
    static invalid(detail) {
        return new FlowbaseError(`Invalid argument (400 invalid-argument): ${detail}`, {
            type: 'https://flowbase.dev/problems/invalid-argument',
            title: 'Invalid argument',
            status: 400,
            detail,
        });
    }

    /** The server did not answer at all: down, wrong address, or a timeout. */
    static unreachable(origin, cause) {
        const why = (cause && (cause.cause?.code || cause.code || cause.name)) || 'no answer';
        return new FlowbaseError(`Flowbase server at ${origin} did not answer (${why})`, {
            type: 'https://flowbase.dev/problems/unavailable',
            title: 'Unavailable',
            status: 0,
            detail: `no answer from ${origin}: ${why}`,
        });
    }
}

function slug(type) {
    return typeof type === 'string' ? type.substring(type.lastIndexOf('/') + 1) : undefined;
}

module.exports = { FlowbaseError };
