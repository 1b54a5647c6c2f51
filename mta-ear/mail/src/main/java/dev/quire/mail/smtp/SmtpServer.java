package dev.quire.mail.smtp;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;

/**
 * An SMTP or LMTP listener: one accept thread plus one thread per session, all from the given factory (in Payara, the
 * container's ManagedThreadFactory). At most {@code maxConnections} sessions run; a connection past that gets
 * {@code 421 4.7.0 too many connections} and is closed. Handler failures never reach the accept loop.
 */
public final class SmtpServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SmtpServer.class.getName());
    private static final byte[] TOO_MANY = "421 4.7.0 too many connections\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NO_THREAD = "421 4.3.2 Service not available\r\n".getBytes(StandardCharsets.US_ASCII);

    private final SmtpServerConfig config;
    private final MessageHandlerFactory factory;
    private final ThreadFactory threads;
    private final CommandRegistry registry = CommandRegistry.standard();
    private final Semaphore permits;
    private final Set<Session> sessions = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket serverSocket;
    private volatile boolean closed;

    /**
     * @param cfg the settings
     * @param factory creates one handler per mail transaction
     * @param threads creates the accept thread and the session threads
     */
    public SmtpServer(SmtpServerConfig cfg, MessageHandlerFactory factory, ThreadFactory threads) {
        this.config = Objects.requireNonNull(cfg, "cfg");
        this.factory = Objects.requireNonNull(factory, "factory");
        this.threads = Objects.requireNonNull(threads, "threads");
        this.permits = new Semaphore(cfg.maxConnections());
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
            if (!permits.tryAcquire()) {
                refuse(socket, TOO_MANY);
                continue;
            }
            try {
                startSession(socket);
            } catch (RuntimeException e) {
                permits.release();
                LOG.log(Level.WARNING, "could not start a session", e);
                refuse(socket, NO_THREAD);
            }
        }
    }

    private void startSession(Socket socket) {
        Session session = new Session(socket, config, factory, registry);
        Thread thread = threads.newThread(() -> {
            try {
                session.run();
            } finally {
                sessions.remove(session);
                permits.release();
            }
        });
        if (thread == null) {
            throw new IllegalStateException("thread factory refused to create a session thread");
        }
        sessions.add(session);
        if (closed) {
            session.close();
        }
        thread.start();
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
