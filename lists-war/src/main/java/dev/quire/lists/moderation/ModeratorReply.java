package dev.quire.lists.moderation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.util.Optional;

import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.MimeConfig;

import dev.quire.mail.EmailAddress;
import dev.quire.mail.InvalidAddressException;

/**
 * A moderator's reply to a held-post notice: who it is from and the command it carries, read from the
 * first line of its first text/plain part that is neither blank nor quoted, or else from its subject
 * (after any {@code Re:}).
 */
final class ModeratorReply {
    private final Message message;

    private ModeratorReply(Message message) {
        this.message = message;
    }

    static ModeratorReply parse(byte[] raw) throws IOException {
        DefaultMessageBuilder builder = new DefaultMessageBuilder();
        builder.setMimeEntityConfig(MimeConfig.PERMISSIVE);
        return new ModeratorReply(builder.parseMessage(new ByteArrayInputStream(raw)));
    }

    /** The reply's From address, if it has a usable one. */
    Optional<EmailAddress> from() {
        if (message.getFrom() == null || message.getFrom().isEmpty()) {
            return Optional.empty();
        }
        Mailbox m = message.getFrom().get(0);
        try {
            return Optional.of(EmailAddress.parse(m.getAddress()));
        } catch (InvalidAddressException e) {
            return Optional.empty();
        }
    }

    /** The command in the body's first line, else in the subject. */
    Optional<Decision> decision() throws IOException {
        Optional<Decision> fromBody = firstLine(message.getBody()).flatMap(Decision::parse);
        if (fromBody.isPresent()) {
            return fromBody;
        }
        String subject = message.getSubject() == null ? "" : message.getSubject();
        return Decision.parse(subject.replaceFirst("^(?i)(\\s*(re|aw|sv|fwd?)\\s*:)*", ""));
    }

    private static Optional<String> firstLine(Body body) throws IOException {
        if (body instanceof Multipart) {
            for (Entity part : ((Multipart) body).getBodyParts()) {
                if (part.getMimeType().equalsIgnoreCase("text/plain") || part.getBody() instanceof Multipart) {
                    return firstLine(part.getBody());
                }
            }
            return Optional.empty();
        }
        if (!(body instanceof TextBody)) {
            return Optional.empty();
        }
        try (Reader r = ((TextBody) body).getReader()) {
            StringBuilder text = new StringBuilder();
            char[] buf = new char[4096];
            for (int n; (n = r.read(buf)) > 0 && text.length() < 65536;) {
                text.append(buf, 0, n);
            }
            return text.toString().lines().filter(l -> !l.isBlank() && !l.startsWith(">")).findFirst();
        }
    }
}
