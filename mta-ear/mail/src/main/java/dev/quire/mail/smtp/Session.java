package dev.quire.mail.smtp;

import dev.quire.mail.EmailAddress;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * One connection: reads command lines, dispatches them, and owns the session state (greeting, TLS, AUTH) and the
 * transaction state (the current {@link MessageHandler}, its accepted recipients, SMTPUTF8 and BDAT chunks). Replies
 * are flushed only when no pipelined input is waiting. Command lines are limited to 512 octets and decoded as UTF-8
 * (malformed sequences become U+FFFD, which no address accepts).
 */
final class Session implements SessionContext, Runnable {

    static final Reply LOCAL_ERROR = new Reply(451, "4.3.0", "Local error in processing");
    /** RFC 5321 section 4.5.3.1.4, CRLF included. */
    static final int MAX_COMMAND_LINE = 512;

    private static final System.Logger LOG = System.getLogger(Session.class.getName());
    private static final Reply LINE_TOO_LONG = new Reply(500, "5.5.6", "Error: line too long");

    private final SmtpServerConfig config;
    private final MessageHandlerFactory factory;
    private final CommandRegistry registry;
    private final AuthThrottle throttle;
    private final String sessionId;
    private final InetSocketAddress remote;
    private final InetSocketAddress local;
    private volatile Socket socket;
    private SSLSession tlsSession;
    private String authenticatedUser;
    private boolean utf8Transaction;
    private ChunkedMessage chunks;
    private boolean lastLineTooLong;
    private SessionInput in;
    private OutputStream out;
    private String heloName;
    private MessageHandler handler;
    private int acceptedRecipients;
    private int errors;
    private boolean quit;

    Session(Socket socket, SmtpServerConfig config, MessageHandlerFactory factory, CommandRegistry registry,
            AuthThrottle throttle) {
        this.socket = socket;
        this.config = config;
        this.factory = factory;
        this.registry = registry;
        this.throttle = throttle;
        this.remote = (InetSocketAddress) socket.getRemoteSocketAddress();
        this.local = (InetSocketAddress) socket.getLocalSocketAddress();
        byte[] id = new byte[6];
        ThreadLocalRandom.current().nextBytes(id);
        this.sessionId = HexFormat.of().withUpperCase().formatHex(id);
    }

    @Override
    public void run() {
        try {
            socket.setSoTimeout((int) config.idleTimeout().toMillis());
            socket.setTcpNoDelay(true);
            if (config.implicitTls()) {
                handshake();
            } else {
                in = new SessionInput(socket.getInputStream());
                out = new BufferedOutputStream(socket.getOutputStream());
            }
            reply(new Reply(220, null, config.hostname() + " " + config.greeting()));
            flush();
            while (!quit) {
                String line = readCommandLine();
                if (line == null) {
                    break;
                }
                registry.dispatch(line, this);
            }
        } catch (SocketTimeoutException e) {
            closeWith(new Reply(421, "4.4.2", config.hostname() + " Error: timeout exceeded"));
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "session {0}: connection ended: {1}", sessionId, e.toString());
        } finally {
            endTransaction();
            close();
        }
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public InetSocketAddress localAddress() {
        return local;
    }

    @Override
    public boolean isTls() {
        return tlsSession != null;
    }

    @Override
    public Optional<String> tlsDescription() {
        return Optional.ofNullable(tlsSession).map(t -> t.getProtocol() + " " + t.getCipherSuite());
    }

    @Override
    public Optional<String> authenticatedUser() {
        return Optional.ofNullable(authenticatedUser);
    }

    @Override
    public String heloName() {
        return heloName;
    }

    @Override
    public boolean isLmtp() {
        return config.lmtp();
    }

    @Override
    public String sessionId() {
        return sessionId;
    }

    SmtpServerConfig config() {
        return config;
    }

    AuthThrottle throttle() {
        return throttle;
    }

    /** Records a successful AUTH; cleared by STARTTLS. */
    void authenticated(String identity) {
        authenticatedUser = identity;
    }

    /** True if the open transaction's MAIL carried SMTPUTF8. */
    boolean utf8Transaction() {
        return utf8Transaction;
    }

    /** The BDAT chunks of the open transaction, or null before the first BDAT. */
    ChunkedMessage chunks() {
        return chunks;
    }

    /** Starts collecting BDAT chunks for the open transaction. */
    ChunkedMessage startChunks() {
        chunks = new ChunkedMessage(config.maxMessageSize());
        return chunks;
    }

    /**
     * After {@code 220 Ready to start TLS}: drops whatever the client pipelined after STARTTLS (CVE-2011-0411), runs
     * the handshake, and forgets everything learnt from the client before it (RFC 3207 section 4.2).
     */
    void startTls() throws IOException {
        out.flush();
        int discarded = in.available();
        if (discarded > 0) {
            LOG.log(Level.INFO, "session {0}: discarding {1} octets pipelined after STARTTLS", sessionId, discarded);
        }
        endTransaction();
        heloName = null;
        authenticatedUser = null;
        handshake();
    }

    /**
     * Reads one line of an AUTH exchange.
     *
     * @return the line, or null if it was over 512 octets (already discarded)
     * @throws java.io.EOFException at end of stream
     */
    String readAuthLine() throws IOException {
        byte[] line = readLineBytes();
        if (line == null) {
            throw new EOFException("connection closed during AUTH");
        }
        return lastLineTooLong ? null : new String(line, StandardCharsets.US_ASCII);
    }

    InputStream input() {
        return in;
    }

    MessageHandler handler() {
        return handler;
    }

    boolean inTransaction() {
        return handler != null;
    }

    int acceptedRecipients() {
        return acceptedRecipients;
    }

    /** HELO, EHLO or LHLO: records the name and resets any transaction (RFC 5321 section 4.1.4). */
    void greet(String name) {
        endTransaction();
        int space = name.indexOf(' ');
        heloName = space < 0 ? name : name.substring(0, space);
    }

    /** The EHLO/LHLO reply: hostname, then one keyword per line. */
    Reply extensionsReply() {
        StringBuilder text = new StringBuilder(config.hostname());
        text.append("\nPIPELINING\n8BITMIME\nENHANCEDSTATUSCODES\nSIZE ").append(config.maxMessageSize());
        text.append("\nSMTPUTF8\nDSN\nCHUNKING");
        if (config.tls().isPresent() && !isTls()) {
            text.append("\nSTARTTLS");
        }
        if (authAllowed()) {
            text.append("\nAUTH PLAIN LOGIN");
        }
        config.extraEhloKeywords().forEach(keyword -> text.append('\n').append(keyword));
        return new Reply(250, null, text.toString());
    }

    /** True if AUTH is configured and allowed on this connection now. */
    boolean authAllowed() {
        return config.authenticator().isPresent() && (isTls() || config.allowAuthWithoutTls());
    }

    /** Creates the handler and offers it the sender; the transaction is open only if it accepts. */
    void beginTransaction(EmailAddress sender, Map<String, String> params) throws IOException {
        MessageHandler created;
        Reply answer;
        try {
            created = factory.create(this);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "session " + sessionId + ": message handler factory failed", e);
            reply(LOCAL_ERROR);
            return;
        }
        try {
            answer = created.from(sender, params);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "session " + sessionId + ": message handler failed in from", e);
            answer = null;
        }
        if (answer != null && answer.isPositive()) {
            handler = created;
            acceptedRecipients = 0;
            utf8Transaction = params.containsKey("SMTPUTF8");
        } else {
            finish(created);
        }
        reply(answer != null ? answer : LOCAL_ERROR);
    }

    /** Offers a recipient to the handler and counts it if accepted. */
    void addRecipient(EmailAddress recipient, Map<String, String> params) throws IOException {
        Reply answer;
        try {
            answer = handler.recipient(recipient, params);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "session " + sessionId + ": message handler failed in recipient", e);
            answer = null;
        }
        if (answer != null && answer.isPositive()) {
            acceptedRecipients++;
        }
        reply(answer != null ? answer : LOCAL_ERROR);
    }

    /** Ends the transaction, if any, and tells its handler. */
    void endTransaction() {
        MessageHandler ended = handler;
        handler = null;
        acceptedRecipients = 0;
        utf8Transaction = false;
        if (chunks != null) {
            chunks.close();
            chunks = null;
        }
        if (ended != null) {
            finish(ended);
        }
    }

    /**
     * Queues a reply; flushes unless more pipelined input is already in the session's buffer (RFC 2920: the replies to
     * a command group go out together). Only the buffer is asked, not the socket: a system call per reply cost more
     * than the rare early flush it would save.
     */
    void reply(Reply reply) throws IOException {
        out.write((reply.toWire() + "\r\n").getBytes(StandardCharsets.US_ASCII));
        if (in.buffered() == 0) {
            out.flush();
        }
    }

    /** Replies to a bad command; past the error limit the session ends with {@code 421 4.7.0} instead. */
    void error(Reply reply) throws IOException {
        if (++errors > config.maxErrors()) {
            closeWith(new Reply(421, "4.7.0", config.hostname() + " Error: too many errors"));
        } else {
            reply(reply);
        }
    }

    void flush() throws IOException {
        out.flush();
    }

    /** Ends the command loop after the current command. */
    void quit() throws IOException {
        out.flush();
        quit = true;
    }

    /** Closes the socket from another thread (server shutdown). */
    void close() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "session {0}: close failed: {1}", sessionId, e.toString());
        }
    }

    private void closeWith(Reply reply) {
        quit = true;
        if (out == null) {
            return; // the implicit TLS handshake did not finish; there is no channel to answer on
        }
        try {
            out.write((reply.toWire() + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.shutdownOutput();
            lingerForPeer();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "session {0}: could not send {1}: {2}", sessionId, reply.code(), e.toString());
        }
    }

    /**
     * Reads briefly what the peer still sends so that closing does not reset the connection before the peer has read
     * our last reply.
     */
    private void lingerForPeer() throws IOException {
        socket.setSoTimeout(200);
        byte[] sink = new byte[4096];
        long total = 0;
        while (total < 65536) {
            int n = socket.getInputStream().read(sink);
            if (n < 0) {
                return;
            }
            total += n;
        }
    }

    /**
     * Reads one command line without its line end (LF or CRLF), decoded as UTF-8. A line over 512 octets is discarded
     * and answered with {@code 500 5.5.6}; returns null at end of stream.
     */
    private String readCommandLine() throws IOException {
        while (true) {
            byte[] line = readLineBytes();
            if (line == null) {
                return null;
            }
            if (!lastLineTooLong) {
                return new String(line, StandardCharsets.UTF_8);
            }
            error(LINE_TOO_LONG);
            if (quit) {
                return null;
            }
        }
    }

    /** One line's octets without LF or CRLF, null at end of stream; sets {@link #lastLineTooLong}. */
    private byte[] readLineBytes() throws IOException {
        byte[] line = new byte[MAX_COMMAND_LINE];
        int length = 0;
        boolean tooLong = false;
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (length >= MAX_COMMAND_LINE - 1) {
                tooLong = true;
            } else {
                line[length++] = (byte) c;
            }
        }
        if (c < 0) {
            return null;
        }
        lastLineTooLong = tooLong;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        return Arrays.copyOf(line, length);
    }

    private void handshake() throws IOException {
        SSLSocket ssl = (SSLSocket) config.tls().orElseThrow().getSocketFactory().createSocket(socket,
                remote.getHostString(), remote.getPort(), true);
        ssl.setUseClientMode(false);
        socket = ssl;
        ssl.startHandshake();
        tlsSession = ssl.getSession();
        in = new SessionInput(ssl.getInputStream());
        out = new BufferedOutputStream(ssl.getOutputStream());
    }

    private void finish(MessageHandler ended) {
        try {
            ended.done();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "session " + sessionId + ": message handler failed in done", e);
        }
    }
}
