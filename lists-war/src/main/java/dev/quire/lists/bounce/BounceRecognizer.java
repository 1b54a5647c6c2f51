package dev.quire.lists.bounce;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.MimeConfig;

import dev.quire.db.list.BounceMethod;
import dev.quire.mail.EmailAddress;

/**
 * Finds out whom a bounce is about and what it says, Mailman's way: the VERP address first (it names the
 * member whatever the bounce looks like), then an RFC 3464 DSN, then the text of common non-standard
 * formats. A DSN that reports only successful deliveries is not a bounce.
 */
public final class BounceRecognizer {
    private BounceRecognizer() {
    }

    /**
     * The failures in a message sent to a {@code -bounces} address; empty when nothing is recognized.
     *
     * @param verpDetail the address detail after {@code +}, empty for the plain {@code -bounces} address
     * @param raw the message as received
     */
    public static List<BounceReport> recognize(String verpDetail, byte[] raw) {
        Optional<EmailAddress> verp = VerpDetail.recipient(verpDetail);
        Optional<List<BounceReport>> dsn = Optional.empty();
        List<BounceReport> found = List.of();
        try {
            Message message = parse(raw);
            dsn = DsnParser.reports(message);
            found = dsn.isPresent() ? dsn.get() : PlainTextBounce.reports(message);
        } catch (IOException | RuntimeException e) {
            // a message too broken to read still counts when its VERP address names the member
        }
        if (verp.isEmpty()) {
            return found;
        }
        EmailAddress member = verp.get();
        Optional<BounceReport> about = found.size() == 1
                ? Optional.of(found.get(0))
                : found.stream().filter(r -> r.address().mailbox().equalsIgnoreCase(member.mailbox())).findFirst();
        if (about.isPresent()) {
            return List.of(about.get().as(member, BounceMethod.VERP));
        }
        if (dsn.isPresent() && dsn.get().isEmpty()) {
            return List.of();
        }
        return List.of(new BounceReport(member, true, null, null, BounceMethod.VERP));
    }

    static Message parse(byte[] raw) throws IOException {
        DefaultMessageBuilder builder = new DefaultMessageBuilder();
        builder.setMimeEntityConfig(MimeConfig.PERMISSIVE);
        return builder.parseMessage(new ByteArrayInputStream(raw));
    }
}
