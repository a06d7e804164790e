package dev.flowbase.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy between Flowbase and a server that misbehaves on command, for fault tests (no
 * toxiproxy, netem or iptables here): {@link #latency added latency}, {@link #reset connection
 * resets}, a {@link #blackhole} that accepts and never answers, and {@link #closeAfter closing
 * after N bytes}. It listens on 127.0.0.1 on the first free port from {@code flowbase.test.ports}
 * (a range such as 17300-17399, so parallel runs on one machine keep apart).
 *
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.to("127.0.0.1", 5432)) {
 *     String url = "postgresql://root@127.0.0.1:" + proxy.port() + "/test";
 *     proxy.blackhole();   // … the client's timeouts and breaker take over
 *     proxy.heal();
 * }
 * }</pre>
 */
public final class FaultProxy implements AutoCloseable {
    private static final int CHUNK = 16 * 1024;

    private enum Mode {
        PASS,
        RESET,
        BLACKHOLE
    }

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket listener;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile Mode mode = Mode.PASS;
    private volatile Duration latency = Duration.ZERO;
    private volatile long closeAfter = -1;
    private volatile boolean open = true;

    private FaultProxy(String targetHost, int targetPort, ServerSocket listener) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listener = listener;
        Thread.ofPlatform().name("fault-proxy-" + port()).daemon().start(this::acceptLoop);
    }

    /** A proxy to {@code host:port}, passing everything through until told otherwise. */
    public static FaultProxy to(String host, int port) {
        return new FaultProxy(host, port, bind());
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** The URL of {@code test}'s database with this proxy in place of its server. */
    public String urlFor(TestDatabase test) {
        return test.url().replace(test.config().hostAndPort(), "127.0.0.1:" + port());
    }

    /** Connections accepted so far. */
    public int accepted() {
        return accepted.get();
    }

    /** Passes everything through again, at once; connections reset or blackholed before stay broken. */
    public void heal() {
        mode = Mode.PASS;
        latency = Duration.ZERO;
        closeAfter = -1;
    }

    /** Delays every chunk each way by {@code delay}. */
    public void latency(Duration delay) {
        latency = delay;
    }

    /** Resets (RST) every open connection, and every new one as soon as it is accepted. */
    public void reset() {
        mode = Mode.RESET;
        sockets.forEach(FaultProxy::abort);
    }

    /** Accepts connections and swallows what they send, answering nothing, on old and new connections alike. */
    public void blackhole() {
        mode = Mode.BLACKHOLE;
    }

    /** Closes each connection made from now on once {@code bytes} have passed from the server to the client. */
    public void closeAfter(long bytes) {
        closeAfter = bytes;
    }

    private void acceptLoop() {
        while (open) {
            try {
                Socket client = listener.accept();
                accepted.incrementAndGet();
                sockets.add(client);
                if (mode == Mode.RESET) {
                    abort(client);
                    continue;
                }
                Thread.ofPlatform().daemon().start(() -> connect(client, closeAfter));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void connect(Socket client, long limit) {
        Socket server = new Socket();
        try {
            if (mode == Mode.BLACKHOLE) {
                swallow(client);
                return;
            }
            server.connect(new InetSocketAddress(targetHost, targetPort), 5_000);
            sockets.add(server);
            Thread.ofPlatform().daemon().start(() -> pump(client, server, -1));
            pump(server, client, limit);
        } catch (IOException e) {
            abort(client);
            abort(server);
        }
    }

    /** Copies {@code from} to {@code to} while the mode lets it; {@code limit} bytes at most when not negative. */
    private void pump(Socket from, Socket to, long limit) {
        byte[] buffer = new byte[CHUNK];
        long passed = 0;
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (mode == Mode.BLACKHOLE) {
                    continue; // read and dropped: the other side waits for an answer that never comes
                }
                Duration delay = latency;
                if (!delay.isZero()) {
                    Thread.sleep(delay); // the fault itself, not a test's synchronisation
                }
                int allowed = limit < 0 ? n : (int) Math.min(n, limit - passed);
                out.write(buffer, 0, allowed);
                out.flush();
                passed += allowed;
                if (limit >= 0 && passed >= limit) {
                    break;
                }
            }
        } catch (IOException | InterruptedException e) {
            // one side went away: the other goes too
        } finally {
            abort(from);
            abort(to);
        }
    }

    private void swallow(Socket client) throws IOException {
        byte[] buffer = new byte[CHUNK];
        InputStream in = client.getInputStream();
        while (in.read(buffer) >= 0) {
            // nothing is answered
        }
        abort(client);
    }

    private static void abort(Socket socket) {
        try {
            if (!socket.isClosed()) {
                socket.setSoLinger(true, 0); // close with RST, as a crashed peer or a firewall would
                socket.close();
            }
        } catch (IOException e) {
            // already gone
        }
    }

    private static ServerSocket bind() {
        String range = System.getProperty("flowbase.test.ports", "17300-17399");
        String[] ends = range.split("-");
        int first = Integer.parseInt(ends[0].strip());
        int last = Integer.parseInt(ends[ends.length - 1].strip());
        for (int port = first; port <= last; port++) {
            ServerSocket s = null;
            try {
                s = new ServerSocket();
                s.setReuseAddress(true);
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                return s;
            } catch (IOException taken) {
                closeQuietly(s); // try the next one
            }
        }
        throw new UncheckedIOException(new IOException("no free port in flowbase.test.ports=" + range));
    }

    private static void closeQuietly(ServerSocket s) {
        try {
            if (s != null) {
                s.close();
            }
        } catch (IOException e) {
            // not bound anyway
        }
    }

    @Override
    public void close() {
        open = false;
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        sockets.forEach(FaultProxy::abort);
    }
}
