import type { CallOptions } from '../transport.js';

export interface WriteOptions extends CallOptions {
    /**
     * The row's lockVersion (or ETag) as read: a change made since is refused with 412, nothing
     * written. The server requires it on PATCH (428 without it); `'*'` changes whatever is there.
     */
    ifMatch?: number | string;
}

export function ifMatch(o: WriteOptions): Record<string, string> | undefined {
    if (o.ifMatch === undefined) {
        return undefined;
    }
    const tag = String(o.ifMatch);
    return { 'If-Match': tag === '*' || tag.startsWith('"') ? tag : `"${tag}"` };
}
