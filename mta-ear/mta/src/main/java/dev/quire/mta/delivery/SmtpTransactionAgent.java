package dev.quire.mta.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

import dev.quire.mail.EmailAddress;
import dev.quire.mail.smtp.Reply;
import dev.quire.mail.smtp.SmtpClient;
import dev.quire.mail.smtp.SmtpException;
import dev.quire.mta.spool.Envelope;
import dev.quire.mta.spool.MessageBody;

/**
 * Delivers over one SMTP or LMTP transaction with many recipients: to a smarthost or MX host (SMTP) or to the
 * list engine (LMTP, which answers per recipient after DATA). SMTP uses opportunistic STARTTLS, as Postfix's
 * security level {@code may}: any certificate is accepted, and a failed handshake is retried once in plain
 * text. A host that cannot be reached or refuses the greeting means retry for everyone. A session that ended its
 * transaction cleanly goes to the {@link ConnectionCache}, and the next message to the same next hop reuses it
 * after an RSET.
 */
public final class SmtpTransactionAgent implements DeliveryAgent {
    private static final Logger LOG = Logger.getLogger(SmtpTransactionAgent.class.getName());
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final String host;
    private final String address;
    private final int port;
    private final boolean lmtp;
    private final String heloName;
    private final ConnectionCache cache;

    /**
     * What one attempt came to.
     *
     * @param outcomes one per recipient
     * @param answered true once the host replied to MAIL FROM; false when it could not be reached or refused the
     *        session, so another host may be tried
     */
    public record Attempt(Map<EmailAddress, Outcome> outcomes, boolean answered) {
    }

    /** An agent that opens a session per delivery and closes it afterwards. */
    public SmtpTransactionAgent(String host, int port, boolean lmtp, String heloName) {
        this(host, host, port, lmtp, heloName, ConnectionCache.NONE);
    }

    /** An agent that reuses the sessions the cache keeps. */
    public SmtpTransactionAgent(String host, int port, boolean lmtp, String heloName, ConnectionCache cache) {
        this(host, host, port, lmtp, heloName, cache);
    }

    private SmtpTransactionAgent(String host, String address, int port, boolean lmtp, String heloName,
            ConnectionCache cache) {
        this.host = host;
        this.address = address;
        this.port = port;
        this.lmtp = lmtp;
        this.heloName = heloName;
        this.cache = cache;
    }

    /** An SMTP agent for one address of an MX host; the name is kept for TLS SNI and for logs. */
    public static SmtpTransactionAgent smtp(String hostName, InetAddress address, int port, String heloName,
            ConnectionCache cache) {
        return new SmtpTransactionAgent(hostName, address.getHostAddress(), port, false, heloName, cache);
    }

    public String describe() {
        String peer = address.equals(host) ? host : host + "[" + address + "]";
        return (lmtp ? "lmtp:" : "smtp:") + peer + ":" + port;
    }

    @Override
    public Map<EmailAddress, Outcome> deliver(Envelope envelope, MessageBody message, List<EmailAddress> recipients) {
        return attempt(envelope, message, recipients).outcomes();
    }

    /** One delivery attempt, telling whether the host answered the transaction. */
    public Attempt attempt(Envelope envelope, MessageBody message, List<EmailAddress> recipients) {
        ConnectionCache.Key key = new ConnectionCache.Key(address, port, lmtp, heloName);
        ConnectionCache.Session cached = cache.take(key);
        if (cached != null && cached.client.pipelining()) {
            // RSET goes in the command group; a session the peer closed while it waited fails before any reply
            Attempt attempt = run(key, cached, envelope, message, recipients, true);
            if (attempt != null) {
                return attempt;
            }
        } else if (cached != null && reset(cached.client)) {
            return run(key, cached, envelope, message, recipients, false);
        }
        String suspended = cache.suspended(key);
        if (suspended != null) {
            return unanswered(recipients, "delivery temporarily suspended: " + suspended);
        }
        SmtpClient client;
        try {
            client = SmtpClient.connect(address, port, cache.connectTimeout(), TIMEOUT, lmtp, heloName);
        } catch (IOException e) {
            String reason = "connect to " + describe() + " failed: " + e.getMessage();
            cache.unreachable(key, reason);
            return unanswered(recipients, reason);
        }
        cache.reachable(key);
        String security = "plain text";
        if (!lmtp && client.extensions().contains("STARTTLS")) {
            RecordingFactory factory = new RecordingFactory();
            try {
                Reply go = client.startTls(factory, host);
                security = go.code() == 220 ? factory.description() : "plain text, STARTTLS refused: " + go.toWire();
            } catch (SmtpException e) {
                client.close();
                return unanswered(recipients, "greeting at " + describe() + " refused after STARTTLS: "
                        + e.getMessage());
            } catch (IOException e) {
                client.close();
                LOG.info(() -> describe() + ": TLS handshake failed (" + e.getMessage()
                        + "); trying once more in plain text");
                security = "plain text after a failed TLS handshake";
                try {
                    client = SmtpClient.connect(address, port, cache.connectTimeout(), TIMEOUT, lmtp, heloName);
                } catch (IOException again) {
                    return unanswered(recipients, "connect to " + describe() + " failed: " + again.getMessage());
                }
            }
        }
        return run(key, cache.opened(client, security), envelope, message, recipients, false);
    }

    /** RSET on a cached session: true when it is still good, else it is closed. */
    private static boolean reset(SmtpClient client) {
        try {
            if (client.rset().isPositive()) {
                return true;
            }
        } catch (IOException e) {
            // the peer closed it while it waited: open a new one
        }
        client.close();
        return false;
    }

    /**
     * Runs one transaction on a session and returns it to the cache or closes it. With {@code reset} (a cached
     * session that speaks PIPELINING) RSET leads the command group, and null means the session was dead before it
     * answered RSET: nothing reached the peer, so the caller opens a new one.
     */
    private Attempt run(ConnectionCache.Key key, ConnectionCache.Session session, Envelope envelope,
            MessageBody message,
            List<EmailAddress> recipients, boolean reset) {
        String via = describe() + ", " + session.security + (session.uses() > 1 ? ", conn_use=" + session.uses() : "");
        boolean[] reusable = {false};
        Attempt attempt = session.client.pipelining()
                ? pipelined(session.client, reset, envelope, message, recipients, via, reusable)
                : transaction(session.client, envelope, message, recipients, via, reusable);
        if (attempt != null && reusable[0]) {
            cache.release(key, session);
        } else {
            session.client.close();
        }
        return attempt;
    }

    /**
     * One transaction as one RFC 2920 command group ([RSET,] MAIL, RCPT..., DATA in one write), then the content;
     * null when a leading RSET was never answered (see {@link #run}).
     */
    private Attempt pipelined(SmtpClient client, boolean reset, Envelope envelope, MessageBody message,
            List<EmailAddress> recipients, String via, boolean[] reusable) {
        Map<EmailAddress, Outcome> out = new LinkedHashMap<>();
        List<Reply> replies;
        try {
            replies = client.pipeline(reset, envelope.sender(), recipients);
        } catch (IOException e) {
            if (reset) {
                return null;
            }
            return unanswered(recipients, "lost connection with " + describe() + ": " + e.getMessage());
        }
        int first = reset ? 1 : 0;
        Reply from = replies.get(first);
        if (reset && !replies.get(0).isPositive()) {
            return null;
        }
        try {
            if (!from.isPositive()) {
                return refusedSender(out, recipients, from, reusable);
            }
            List<EmailAddress> accepted = new ArrayList<>();
            for (int i = 0; i < recipients.size(); i++) {
                Reply reply = replies.get(first + 1 + i);
                if (reply.isPositive()) {
                    accepted.add(recipients.get(i));
                } else {
                    out.put(recipients.get(i), Outcome.of(reply));
                }
            }
            Reply data = replies.get(replies.size() - 1);
            if (!accepted.isEmpty()) {
                List<Reply> results;
                if (data.code() == 354) {
                    try (InputStream in = message.open()) {
                        results = client.content(in, accepted.size());
                    }
                } else {
                    results = List.of(data);
                }
                afterData(out, accepted, results, via);
            }
            reusable[0] = data.code() != 421;
        } catch (IOException e) {
            lost(out, recipients, e);
        }
        return new Attempt(out, true);
    }

    /** MAIL FROM was refused: every recipient gets that reply; after a 421 the session is not reused. */
    private static Attempt refusedSender(Map<EmailAddress, Outcome> out, List<EmailAddress> recipients, Reply from,
            boolean[] reusable) {
        recipients.forEach(r -> out.put(r, Outcome.of(from)));
        reusable[0] = from.code() != 421;
        return new Attempt(out, true);
    }

    /** The outcome of each accepted recipient after DATA: LMTP answers per recipient, SMTP once for all. */
    private void afterData(Map<EmailAddress, Outcome> out, List<EmailAddress> accepted, List<Reply> replies,
            String via) {
        for (int i = 0; i < accepted.size(); i++) {
            Reply r = lmtp && replies.size() == accepted.size() ? replies.get(i) : replies.get(0);
            out.put(accepted.get(i), r.isPositive() ? Outcome.delivered(r.toWire() + " (" + via + ")") : Outcome.of(r));
        }
    }

    /** The connection broke: every recipient without an outcome yet is retried. */
    private void lost(Map<EmailAddress, Outcome> out, List<EmailAddress> recipients, IOException e) {
        for (EmailAddress r : recipients) {
            out.putIfAbsent(r, Outcome.retry("451 4.4.2 lost connection with " + describe() + ": " + e.getMessage()));
        }
    }

    /** One transaction; {@code reusable[0]} tells whether the session ended it cleanly. */
    private Attempt transaction(SmtpClient client, Envelope envelope, MessageBody message,
            List<EmailAddress> recipients,
            String via, boolean[] reusable) {
        Map<EmailAddress, Outcome> out = new LinkedHashMap<>();
        boolean answered = false;
        try {
            Reply from = client.mailFrom(envelope.sender());
            answered = true;
            if (!from.isPositive()) {
                return refusedSender(out, recipients, from, reusable);
            }
            List<EmailAddress> accepted = new ArrayList<>();
            for (EmailAddress r : recipients) {
                Reply reply = client.rcptTo(r);
                if (reply.isPositive()) {
                    accepted.add(r);
                } else {
                    out.put(r, Outcome.of(reply));
                }
            }
            if (!accepted.isEmpty()) {
                List<Reply> replies;
                try (InputStream in = message.open()) {
                    replies = client.data(in, accepted.size());
                }
                afterData(out, accepted, replies, via);
            }
            reusable[0] = true;
        } catch (IOException e) {
            lost(out, recipients, e);
        }
        return new Attempt(out, answered);
    }

    private Attempt unanswered(List<EmailAddress> recipients, String reason) {
        Map<EmailAddress, Outcome> out = new LinkedHashMap<>();
        recipients.forEach(r -> out.put(r, Outcome.retry("451 4.4.1 " + reason)));
        return new Attempt(out, false);
    }

    /**
     * Opportunistic TLS: accepts any server certificate, since without DANE or MTA-STS there is nothing to check
     * it against; the protection is against passive eavesdropping only. Remembers the socket it made so that the
     * negotiated protocol and cipher can be logged with the delivery.
     */
    private static final class RecordingFactory extends SSLSocketFactory {
        private final SSLSocketFactory delegate = Opportunistic.CONTEXT.getSocketFactory();
        private SSLSocket made;

        String description() {
            if (made == null) {
                return "TLS";
            }
            SSLSession session = made.getSession();
            return session.getProtocol() + " " + session.getCipherSuite();
        }

        private Socket remember(Socket socket) {
            if (socket instanceof SSLSocket ssl) {
                made = ssl;
            }
            return socket;
        }

        @Override
        public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
            return remember(delegate.createSocket(s, host, port, autoClose));
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return remember(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return remember(delegate.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return remember(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return remember(delegate.createSocket(address, port, localAddress, localPort));
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return delegate.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return delegate.getSupportedCipherSuites();
        }
    }

    /** The client TLS context for opportunistic delivery, made once. */
    private static final class Opportunistic {
        static final SSLContext CONTEXT = context();

        private static SSLContext context() {
            try {
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(null, new TrustManager[]{new AnyServerCertificate()}, null);
                return ctx;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("no TLS client context", e);
            }
        }
    }

    /** Trusts every server certificate and no client; an X509ExtendedTrustManager, so no host-name check runs. */
    private static final class AnyServerCertificate extends X509ExtendedTrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // opportunistic TLS: any certificate will do
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // opportunistic TLS: any certificate will do
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // opportunistic TLS: any certificate will do
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("this context is for clients only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("this context is for clients only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("this context is for clients only");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
