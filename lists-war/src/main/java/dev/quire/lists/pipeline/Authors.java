package dev.quire.lists.pipeline;

import java.util.Optional;

import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.DefaultAddressParser;
import org.apache.james.mime4j.field.address.ParseException;

import dev.quire.lists.message.MailMessage;
import dev.quire.mail.EmailAddress;

/** Reads the author's mailbox from a post's From field. */
final class Authors {
    private Authors() {
    }

    /** The first mailbox of the From field, if it parses. */
    static Optional<Mailbox> from(MailMessage message) {
        return message.header("From").flatMap(Authors::mailbox);
    }

    static Optional<Mailbox> mailbox(String value) {
        try {
            Mailbox m = DefaultAddressParser.DEFAULT.parseMailbox(value);
            return m.getDomain() == null ? Optional.empty() : Optional.of(m);
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static Optional<EmailAddress> address(Mailbox mailbox) {
        try {
            return Optional.of(EmailAddress.parse(mailbox.getAddress()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
