import type { Query, Transport, CallOptions } from './transport.js';

export interface Page<T> {
    items: T[];
    nextCursor: string | null;
}

/** A list the server pages with keyset cursors: iterate it for every row, or read it a page at a time. */
export interface Paged<T> extends AsyncIterable<T> {
    /** One page: the first, or the one after `cursor`. */
    page(cursor?: string | null): Promise<Page<T>>;
    /** Every row in an array (every page read). */
    all(): Promise<T[]>;
}

export interface ListOptions extends CallOptions {
    /** Rows per page, 1 to 1000 (the server's default is 50). */
    limit?: number;
}

/** The rows of `path` with `filter`, page after page, each page asked for when the one before is used up. */
export function paged<T>(t: Transport, path: string, filter: Query, o: ListOptions = {}): Paged<T> {
    const page = (cursor?: string | null) =>
        t.send<Page<T>>({ method: 'GET', path, query: { ...filter, limit: o.limit, cursor }, safe: true, signal: o.signal, debug: o.debug });
    async function* rows(): AsyncGenerator<T> {
        let cursor: string | null | undefined;
        do {
            const p = await page(cursor);
            yield* p.items;
            cursor = p.nextCursor;
        } while (cursor);
    }
    return {
        page,
        [Symbol.asyncIterator]: rows,
        async all() {
            const out: T[] = [];
            for await (const row of rows()) {
                out.push(row);
            }
            return out;
        },
    };
}
