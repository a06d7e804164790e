import type { components } from './generated/openapi.js';

/** One bad field of a request, as the server names it (`{"field", "detail"}`). */
export interface FieldError {
    field: string;
    detail: string;
}

/** The server's problem; an error made by the client (no answer, a bad argument) has no requestId. */
export type Problem = Omit<components['schemas']['Problem'], 'type' | 'requestId'> & { type: string; requestId?: string };

/**
 * Every failure of a call: a problem the server answered (RFC 9457), or no answer at all
 * (`status` 0: `code` is `unreachable`, `timeout` or `aborted`). A program branches on `code`,
 * the problem type's last segment, such as `conflict`, `not-found` or `rate-limited`. The message
 * names the server by its origin only, never the key.
 */
export class FlowbaseError extends Error {
    readonly status: number;
    readonly code: string;
    readonly title: string;
    readonly detail: string;
    readonly errors: FieldError[];
    /** Seconds the server asked to wait (Retry-After), when it did. */
    readonly retryAfter: number | undefined;
    readonly requestId: string | undefined;
    readonly type: string | undefined;

    constructor(
        fields: { status: number; code: string; title: string; detail: string; errors?: FieldError[]; type?: string; requestId?: string; retryAfter?: number },
        options?: { cause?: unknown },
    ) {
        const where = fields.errors && fields.errors.length > 0 ? ` [${fields.errors.map((e) => `${e.field}: ${e.detail}`).join('; ')}]` : '';
        super(`${fields.title} (${fields.status} ${fields.code}): ${fields.detail}${where}`, options);
        this.name = 'FlowbaseError';
        this.status = fields.status;
        this.code = fields.code;
        this.title = fields.title;
        this.detail = fields.detail;
        this.errors = fields.errors ?? [];
        this.retryAfter = fields.retryAfter;
        this.requestId = fields.requestId;
        this.type = fields.type;
    }

    /** The problem as RFC 9457 writes it (for a program that passes it on, such as a Node-RED flow's msg.problem). */
    get problem(): Problem {
        return {
            type: this.type ?? `https://flowbase.dev/problems/${this.code}`,
            title: this.title,
            status: this.status,
            detail: this.detail,
            ...(this.errors.length > 0 ? { errors: this.errors } : {}),
            ...(this.requestId ? { requestId: this.requestId } : {}),
        };
    }

    /** The error of a problem+json answer (or of any other answer that is not 2xx). */
    static fromAnswer(status: number, body: unknown, retryAfter: number | undefined): FlowbaseError {
        const p = (body && typeof body === 'object' ? body : { detail: typeof body === 'string' ? body : '' }) as Partial<Problem>;
        const type = typeof p.type === 'string' ? p.type : undefined;
        return new FlowbaseError({
            status,
            code: type ? type.substring(type.lastIndexOf('/') + 1) : `http-${status}`,
            title: p.title ?? `HTTP ${status}`,
            detail: p.detail ?? '',
            errors: Array.isArray(p.errors) ? p.errors : [],
            type,
            requestId: p.requestId,
            retryAfter,
        });
    }

    /** A value the program gave that the client refuses before sending anything. */
    static invalid(field: string, detail: string): FlowbaseError {
        return new FlowbaseError({
            status: 400,
            code: 'invalid-argument',
            title: 'Invalid argument',
            detail: `${field}: ${detail}`,
            errors: [{ field, detail }],
            type: 'https://flowbase.dev/problems/invalid-argument',
        });
    }

    /** No answer: the server is down or unreachable (`unreachable`), too slow (`timeout`), or the program aborted (`aborted`). */
    static noAnswer(code: 'unreachable' | 'timeout' | 'aborted', origin: string, cause: unknown): FlowbaseError {
        const why = describe(cause);
        const title = code === 'aborted' ? 'Aborted' : code === 'timeout' ? 'Timed out' : 'Unreachable';
        return new FlowbaseError({ status: 0, code, title, detail: `no answer from ${origin}: ${why}`, type: `https://flowbase.dev/problems/${code}` }, { cause });
    }
}

function describe(cause: unknown): string {
    const c = cause as { cause?: { code?: string }; code?: string; name?: string; message?: string } | undefined;
    return c?.cause?.code ?? c?.code ?? c?.name ?? 'no answer';
}
