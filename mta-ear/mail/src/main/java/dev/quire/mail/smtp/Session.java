package dev.quire.mail.smtp;

import dev.quire.mail.EmailAddress;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One connection: reads command lines, dispatches them, and owns the transaction state (the current
 * {@link MessageHandler} and its accepted recipients). Replies are flushed only when no pipelined input is waiting.
 */
final class Session implements SessionContext, Runnable {

    static final Reply LOCAL_ERROR = new Reply(451, "4.3.0", "Local error in processing");
    /** RFC 5321 section 4.5.3.1.4, CRLF included. */
    static final int MAX_COMMAND_LINE = 512;

    private static final System.Logger LOG = System.getLogger(Session.class.getName());
    private static final Reply LINE_TOO_LONG = new Reply(500, "5.5.6", "Error: line too long");

    private final Socket socket;
    private final SmtpServerConfig config;
    private final MessageHandlerFactory factory;
    private final CommandRegistry registry;
    private final String sessionId;
    private BufferedInputStream in;
    private OutputStream out;
    private String heloName;
    private MessageHandler handler;
    private int acceptedRecipients;
    private int errors;
    private boolean quit;

    Session(Socket socket, SmtpServerConfig config, MessageHandlerFactory factory, CommandRegistry registry) {
        this.socket = socket;
        this.config = config;
        this.factory = factory;
        this.registry = registry;
        byte[] id = new byte[6];
        ThreadLocalRandom.current().nextBytes(id);
        this.sessionId = HexFormat.of().withUpperCase().formatHex(id);
    }

    @Override
    public void run() {
        try {
            socket.setSoTimeout((int) config.idleTimeout().toMillis());
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream());
            out = new BufferedOutputStream(socket.getOutputStream());
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
        return (InetSocketAddress) socket.getRemoteSocketAddress();
    }

    @Override
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
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
        config.extraEhloKeywords().forEach(keyword -> text.append('\n').append(keyword));
        return new Reply(250, null, text.toString());
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
        if (ended != null) {
            finish(ended);
        }
    }

    /** Queues a reply; flushes unless more pipelined input is already waiting. */
    void reply(Reply reply) throws IOException {
        out.write((reply.toWire() + "\r\n").getBytes(StandardCharsets.US_ASCII));
        if (in.available() == 0) {
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
     * Reads one command line without its line end (LF or CRLF). A line over 512 octets is discarded and answered with
     * {@code 500 5.5.6}; returns null at end of stream.
     */
    private String readCommandLine() throws IOException {
        while (true) {
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
            if (!tooLong) {
                if (length > 0 && line[length - 1] == '\r') {
                    length--;
                }
                return new String(line, 0, length, StandardCharsets.ISO_8859_1);
            }
            error(LINE_TOO_LONG);
            if (quit) {
                return null;
            }
        }
    }

    private void finish(MessageHandler ended) {
        try {
            ended.done();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "session " + sessionId + ": message handler failed in done", e);
        }
    }
}
