'use strict';

const { segment } = require('../lib/client');
const { config, onInput, pick } = require('../lib/support');

/**
 * Looks an agent role up by name (msg.roleName, else the node's setting, else a string payload) to build
 * a prompt: msg.payload is the role, msg.roleVersion its current published version (null when it
 * has none yet).
 */
module.exports = function (RED) {
    function FlowbaseRoleNode(n) {
        RED.nodes.createNode(this, n);
        const node = this;
        const cfg = config(RED, node, n.server);
        onInput(node, cfg, async (msg, client) => {
            const name = pick(msg.roleName, n.roleName, typeof msg.payload === 'string' ? msg.payload : undefined);
            const role = await client.get(`/api/agent-roles/by-name/${segment('roleName', name)}`);
            msg.roleVersion = role.currentVersion
                ? await client.get(`/api/agent-roles/${role.id}/versions/${role.currentVersion}`)
                : null;
            msg.payload = role;
            return msg;
        });
    }
    RED.nodes.registerType('flowbase-role', FlowbaseRoleNode);
};
