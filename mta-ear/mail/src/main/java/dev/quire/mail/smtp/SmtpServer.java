package dev.quire.mail.smtp;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * An SMTP or LMTP listener: one accept thread plus one thread per session, all from the given factory (in Payara, the
 * container's ManagedThreadFactory). Session threads are pooled: a thread whose session ended serves the next one,
 * since making a managed thread is far dearer than a short SMTP session. At most {@code maxConnections} sessions run; a connection past that gets
 * {@code 421 4.7.0 too many connections} and is closed, as is one past {@code maxConnectionsPerClient} from the same
 * address. Failed AUTH attempts are counted per client address across all sessions of the server. On an implicit-TLS
 * listener those refusals are sent before the handshake, in clear text. Handler failures never reach the accept
 * loop.
 */
public final class SmtpServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SmtpServer.class.getName());
    private static final byte[] TOO_MANY = "421 4.7.0 too many connections\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TOO_MANY_FROM_CLIENT = "421 4.7.0 Too many connections from your address\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NO_THREAD = "421 4.3.2 Service not available\r\n".getBytes(StandardCharsets.US_ASCII);

    private final SmtpServerConfig config;
    private final MessageHandlerFactory factory;
    private final ThreadFactory threads;
    private final ExecutorService sessionThreads;
    private final CommandRegistry registry = CommandRegistry.standard();
    private final Semaphore permits;
    private final Set<Session> sessions = ConcurrentHashMap.newKeySet();
    private final Map<InetAddress, Integer> perClient = new ConcurrentHashMap<>();
    private final AuthThrottle throttle;
    private volatile ServerSocket serverSocket;
    private volatile boolean closed;
    private volatile byte[] refusal;

    /**
     * @param cfg the settings
     * @param factory creates one handler per mail transaction
     * @param threads creates the accept thread and the session threads
     */
    public SmtpServer(SmtpServerConfig cfg, MessageHandlerFactory factory, ThreadFactory threads) {
        this.config = Objects.requireNonNull(cfg, "cfg");
        this.factory = Objects.requireNonNull(factory, "factory");
        this.threads = Objects.requireNonNull(threads, "threads");
        // the permits bound the sessions; the pool only keeps idle threads for a minute
        this.sessionThreads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), threads);
        this.permits = new Semaphore(cfg.maxConnections());
        this.throttle = new AuthThrottle(cfg.maxAuthFailures(), cfg.authFailureWindow());
    }

    /** Binds the port and starts the accept thread. */
    public synchronized void start() throws IOException {
        if (serverSocket != null || closed) {
            throw new IllegalStateException("server already started or closed");
        }
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(config.bindAddress()), config.port()), 128);
            Thread acceptor = threads.newThread(() -> acceptLoop(socket));
            if (acceptor == null) {
                throw new IOException("thread factory refused to create the accept thread");
            }
            serverSocket = socket;
            acceptor.start();
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
        LOG.log(Level.INFO, "{0} listening on {1}", config.lmtp() ? "LMTP" : "SMTP", socket.getLocalSocketAddress());
    }

    /** The bound port; useful when the configuration asked for port 0. */
    public int port() {
        ServerSocket socket = serverSocket;
        if (socket == null) {
            throw new IllegalStateException("server not started");
        }
        return socket.getLocalPort();
    }

    /** How many sessions are open now. */
    public int sessionCount() {
        return sessions.size();
    }

    /**
     * Quiescent mode: from now on every new connection gets this reply (a 421) and is closed, while the
     * port stays bound and sessions already open finish. {@link #resume()} ends it.
     */
    public void refuseNewSessions(Reply reply) {
        if (reply.code() != 421) {
            throw new IllegalArgumentException("a listener refuses sessions with 421, not " + reply.code());
        }
        refusal = (reply.toWire() + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Accepts sessions again after {@link #refuseNewSessions}. */
    public void resume() {
        refusal = null;
    }

    /** True while new sessions are refused. */
    public boolean isRefusing() {
        return refusal != null;
    }

    /** Stops accepting and closes every open session; handlers see their transactions end. */
    @Override
    public void close() {
        closed = true;
        ServerSocket socket = serverSocket;
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "closing listener: {0}", e.toString());
            }
        }
        sessions.forEach(Session::close);
        sessionThreads.shutdown();
    }

    private void acceptLoop(ServerSocket listener) {
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(Level.WARNING, "accept failed", e);
                    pause();
                }
                continue;
            }
            byte[] quiescent = refusal;
            if (quiescent != null) {
                refuse(socket, quiescent);
                continue;
            }
            InetAddress client = socket.getInetAddress();
            if (!claim(client)) {
                refuse(socket, TOO_MANY_FROM_CLIENT);
                continue;
            }
            if (!permits.tryAcquire()) {
                release(client);
                refuse(socket, TOO_MANY);
                continue;
            }
            try {
                startSession(socket, client);
            } catch (RuntimeException e) {
                permits.release();
                release(client);
                LOG.log(Level.WARNING, "could not start a session", e);
                refuse(socket, NO_THREAD);
            }
        }
    }

    /** Counts a connection from the client unless it already has {@code maxConnectionsPerClient}. */
    private boolean claim(InetAddress client) {
        boolean[] claimed = new boolean[1];
        perClient.compute(client, (address, count) -> {
            int current = count == null ? 0 : count;
            claimed[0] = current < config.maxConnectionsPerClient();
            return claimed[0] ? current + 1 : count;
        });
        return claimed[0];
    }

    private void release(InetAddress client) {
        perClient.computeIfPresent(client, (address, count) -> count > 1 ? count - 1 : null);
    }

    private void startSession(Socket socket, InetAddress client) {
        Session session = new Session(socket, config, factory, registry, throttle);
        sessions.add(session);
        if (closed) {
            session.close();
        }
        try {
            sessionThreads.execute(() -> {
                try {
                    session.run();
                } finally {
                    sessions.remove(session);
                    permits.release();
                    release(client);
                }
            });
        } catch (RejectedExecutionException e) {
            sessions.remove(session);
            throw new IllegalStateException("no thread for a session: " + e.getMessage(), e);
        }
    }

    /** Backs off after a failed accept (e.g. out of file descriptors) instead of spinning. */
    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void refuse(Socket socket, byte[] reply) {
        try (socket) {
            OutputStream out = socket.getOutputStream();
            out.write(reply);
            out.flush();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "refusing a connection: {0}", e.toString());
        }
    }
}
