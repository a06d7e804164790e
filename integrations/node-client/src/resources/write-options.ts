import type { CallOptions } from '../transport.js';

export interface WriteOptions extends CallOptions {
    /** The row's lockVersion (or ETag) as read: a change made since is refused with 412, nothing written. */
    ifMatch?: number | string;
}

export function ifMatch(o: WriteOptions): Record<string, string> | undefined {
    if (o.ifMatch === undefined) {
        return undefined;
    }
    const tag = String(o.ifMatch);
    return { 'If-Match': tag.startsWith('"') ? tag : `"${tag}"` };
}
