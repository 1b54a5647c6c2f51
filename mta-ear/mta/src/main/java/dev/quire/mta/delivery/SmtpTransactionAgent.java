package dev.quire.mta.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.quire.mail.EmailAddress;
import dev.quire.mail.smtp.Reply;
import dev.quire.mail.smtp.SmtpClient;
import dev.quire.mta.spool.Envelope;

/**
 * Delivers over one SMTP or LMTP transaction with many recipients: to the smarthost (SMTP) or to the list
 * engine (LMTP, which answers per recipient after DATA). A connection failure means retry for everyone.
 */
public final class SmtpTransactionAgent implements DeliveryAgent {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final String host;
    private final int port;
    private final boolean lmtp;
    private final String heloName;

    public SmtpTransactionAgent(String host, int port, boolean lmtp, String heloName) {
        this.host = host;
        this.port = port;
        this.lmtp = lmtp;
        this.heloName = heloName;
    }

    /** An agent for a {@code host:port} next hop. */
    public static SmtpTransactionAgent smtp(String hostPort, String heloName) {
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0) {
            return new SmtpTransactionAgent(hostPort, 25, false, heloName);
        }
        return new SmtpTransactionAgent(hostPort.substring(0, colon).replace("[", "").replace("]", ""),
                Integer.parseInt(hostPort.substring(colon + 1)), false, heloName);
    }

    public String describe() {
        return (lmtp ? "lmtp:" : "smtp:") + host + ":" + port;
    }

    @Override
    public Map<EmailAddress, Outcome> deliver(Envelope envelope, Path message, List<EmailAddress> recipients) {
        Map<EmailAddress, Outcome> out = new LinkedHashMap<>();
        try (SmtpClient client = SmtpClient.connect(host, port, TIMEOUT, lmtp, heloName)) {
            Reply from = client.mailFrom(envelope.sender());
            if (!from.isPositive()) {
                recipients.forEach(r -> out.put(r, Outcome.of(from)));
                return out;
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
                try (InputStream in = Files.newInputStream(message)) {
                    replies = client.data(in, accepted.size());
                }
                for (int i = 0; i < accepted.size(); i++) {
                    Reply r = lmtp && replies.size() == accepted.size() ? replies.get(i) : replies.get(0);
                    out.put(accepted.get(i), Outcome.of(r));
                }
            }
            client.quit();
        } catch (IOException e) {
            for (EmailAddress r : recipients) {
                out.putIfAbsent(r, Outcome.retry("connect to " + describe() + " failed: " + e.getMessage()));
            }
        }
        return out;
    }
}
