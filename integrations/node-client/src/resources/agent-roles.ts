import { paged, type ListOptions, type Paged } from '../paging.js';
import { segment, type CallOptions, type Transport } from '../transport.js';
import type { AgentRole, AgentRoleChange, AgentRoleVersion, NewAgentRole } from '../types.js';
import { versions } from './versions.js';
import { ifMatch, type WriteOptions } from './write-options.js';

/** Agent roles (system prompt, model, tools), their published versions and dependencies. */
export function agentRoles(t: Transport) {
    const path = (id: string, rest = '') => `/api/agent-roles/${segment('id', id)}${rest}`;
    return {
        create: (role: NewAgentRole, o: CallOptions = {}) =>
            t.send<AgentRole>({ method: 'POST', path: '/api/agent-roles', body: role, safe: false, ...o }),
        get: (id: string, o: CallOptions = {}) => t.send<AgentRole>({ method: 'GET', path: path(id), safe: true, ...o }),
        byName: (name: string, o: CallOptions = {}) =>
            t.send<AgentRole>({ method: 'GET', path: `/api/agent-roles/by-name/${segment('name', name)}`, safe: true, ...o }),
        list: (filter: { status?: string } = {}, o: ListOptions = {}): Paged<AgentRole> => paged<AgentRole>(t, '/api/agent-roles', filter, o),
        update: (id: string, change: AgentRoleChange, o: WriteOptions = {}) =>
            t.send<AgentRole>({ method: 'PATCH', path: path(id), body: change, headers: ifMatch(o), safe: false, ...o }),
        delete: (id: string, o: CallOptions = {}) => t.send<void>({ method: 'DELETE', path: path(id), safe: false, ...o }),
        versions: versions<AgentRoleVersion>(t, path),
        dependencies: (id: string, o: CallOptions = {}) =>
            t.send<AgentRole[]>({ method: 'GET', path: path(id, '/dependencies'), safe: true, ...o }),
        /** Makes role `id` depend on role `dependsOn` (a cycle is refused). */
        addDependency: (id: string, dependsOn: string, o: CallOptions = {}) =>
            t.send<AgentRole[]>({ method: 'POST', path: path(id, '/dependencies'), body: { dependsOn }, safe: false, ...o }),
    };
}
