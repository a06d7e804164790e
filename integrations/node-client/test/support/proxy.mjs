// A TCP proxy in front of a server, which the test switches: 'up' forwards, 'down' drops each
// request's connection (as a server that died would), 'busy:<status>:<retry-after>' answers each
// request itself. The mode is read per request, so kept-alive connections obey it too; `dropped`
// and `answered` count the requests treated so.
import { EventEmitter } from 'node:events';
import net from 'node:net';

export async function startProxy(target) {
    const { hostname, port } = new URL(target);
    const proxy = new EventEmitter();
    proxy.mode = 'up';
    proxy.dropped = 0;
    proxy.answered = 0;
    const open = new Set();
    const server = net.createServer((socket) => {
        let upstream;
        open.add(socket);
        socket.on('close', () => open.delete(socket));
        socket.on('error', () => {});
        socket.on('close', () => upstream?.destroy());
        socket.on('data', (chunk) => {
            if (proxy.mode === 'down') {
                proxy.dropped++;
                socket.destroy();
                proxy.emit('dropped');
            } else if (proxy.mode.startsWith('busy')) {
                const [, status, retryAfter] = proxy.mode.split(':');
                const body = JSON.stringify({ type: 'https://flowbase.dev/problems/unavailable', title: 'Busy', status: Number(status), detail: 'the proxy is busy' });
                proxy.answered++;
                socket.end(`HTTP/1.1 ${status} Busy\r\nContent-Type: application/problem+json\r\nRetry-After: ${retryAfter}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`);
                proxy.emit('answered');
            } else {
                if (!upstream) {
                    upstream = net.connect(Number(port), hostname);
                    upstream.on('error', () => socket.destroy());
                    upstream.on('close', () => socket.destroy());
                    upstream.pipe(socket);
                }
                upstream.write(chunk);
            }
        });
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    proxy.url = `http://127.0.0.1:${server.address().port}`;
    proxy.set = (mode) => (proxy.mode = mode);
    proxy.close = () => {
        const closed = new Promise((resolve) => server.close(resolve));
        open.forEach((s) => s.destroy());
        return closed;
    };
    return proxy;
}
