import { segment, type CallOptions, type Transport } from '../transport.js';

/** A resource's published versions (workflows and agent roles publish alike): `path(id, rest)` names the resource. */
export function versions<V>(t: Transport, path: (id: string, rest?: string) => string) {
    return {
        /** Publishes the resource as it is now as its next version. */
        publish: (id: string, changeNote?: string, o: CallOptions = {}) =>
            t.send<V>({ method: 'POST', path: path(id, '/versions'), body: { changeNote }, safe: false, ...o }),
        /** The published versions, oldest first. */
        list: (id: string, o: CallOptions = {}) => t.send<V[]>({ method: 'GET', path: path(id, '/versions'), safe: true, ...o }),
        get: (id: string, version: number, o: CallOptions = {}) =>
            t.send<V>({ method: 'GET', path: path(id, `/versions/${segment('version', version)}`), safe: true, ...o }),
    };
}
