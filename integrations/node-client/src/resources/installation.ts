import { paged, type ListOptions, type Paged } from '../paging.js';
import { segment, type CallOptions, type Transport } from '../transport.js';
import type { Component, Configuration, DatabaseStatistics, DatabaseStatus, Health, LogEntry, NewConfiguration, Schemas, TransactionOperation } from '../types.js';

export interface LogFilter {
    level?: 'debug' | 'info' | 'warn' | 'error' | 'fatal';
    /** ISO-8601: lines from then on. */
    since?: string;
    component?: string;
    text?: string;
    taskId?: string;
}

/** Log lines, newest first (operator key). */
export function logs(t: Transport) {
    return { list: (filter: LogFilter = {}, o: ListOptions = {}): Paged<LogEntry> => paged<LogEntry>(t, '/api/logs', { ...filter }, o) };
}

/** Components of the installation and their heartbeats. */
export function components(t: Transport) {
    const path = (name: string, rest = '') => `/api/components/${segment('name', name)}${rest}`;
    return {
        list: (o: CallOptions = {}) => t.send<Component[]>({ method: 'GET', path: '/api/components', safe: true, ...o }),
        get: (name: string, o: CallOptions = {}) => t.send<Component>({ method: 'GET', path: path(name), safe: true, ...o }),
        /** Registers a component (again: updates its type and version), so it is safe to repeat. */
        register: (component: Schemas['ComponentRoutesRegister'], o: CallOptions = {}) =>
            t.send<Component>({ method: 'POST', path: '/api/components', body: component, safe: true, ...o }),
        heartbeat: (name: string, beat: Schemas['ComponentRoutesHeartbeat'] = {}, o: CallOptions = {}) =>
            t.send<Component>({ method: 'POST', path: path(name, '/heartbeat'), body: beat, safe: true, ...o }),
    };
}

/** The organization's configurations; sensitive values masked unless revealed (admin key). */
export function configurations(t: Transport) {
    const path = (key: string, rest = '') => `/api/configurations/${segment('key', key)}${rest}`;
    return {
        list: (o: CallOptions = {}) => t.send<Configuration[]>({ method: 'GET', path: '/api/configurations', safe: true, ...o }),
        get: (key: string, o: CallOptions = {}) => t.send<Configuration>({ method: 'GET', path: path(key), safe: true, ...o }),
        /** Creates or replaces a configuration: the same value again changes nothing, so it is safe to repeat. */
        put: (key: string, value: NewConfiguration, o: CallOptions = {}) =>
            t.send<Configuration>({ method: 'PUT', path: path(key), body: value, safe: true, ...o }),
        reveal: (key: string, o: CallOptions = {}) =>
            t.send<Schemas['ConfigurationRoutesRevealed']>({ method: 'POST', path: path(key, '/reveal'), safe: true, ...o }),
        delete: (key: string, o: CallOptions = {}) => t.send<void>({ method: 'DELETE', path: path(key), safe: false, ...o }),
    };
}

/** Task operations in one database transaction: all happen, or none does. */
export function transactions(t: Transport) {
    return {
        run: (operations: TransactionOperation[], o: CallOptions = {}) =>
            t.send<Schemas['TransactionRoutesCommitted']>({ method: 'POST', path: '/api/transactions', body: { operations }, safe: false, ...o }),
    };
}

/** The probes and the database's figures. `health()` answers 503 as a value: `status` says why. */
export function monitoring(t: Transport) {
    return {
        health: (o: CallOptions = {}) => t.send<Health>({ method: 'GET', path: '/health', safe: true, accept: [503], ...o }),
        status: (o: CallOptions = {}) => t.send<DatabaseStatus>({ method: 'GET', path: '/api/database/status', safe: true, ...o }),
        statistics: (o: CallOptions = {}) =>
            t.send<DatabaseStatistics>({ method: 'GET', path: '/api/database/statistics', safe: true, ...o }),
    };
}
