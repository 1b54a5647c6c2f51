package dev.quire.lists.message;

import java.util.Optional;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.DefaultAddressParser;

import dev.quire.mail.EmailAddress;

/**
 * Who a message is from as a person sees it: the first mailbox of From, else the envelope sender. Commands
 * act for this address and replies go to it.
 *
 * @param address the mailbox
 * @param displayName the decoded display name, or null
 */
public record Sender(EmailAddress address, String displayName) {
    /** The sender of a message, or empty when neither From nor the envelope names a usable mailbox. */
    public static Optional<Sender> of(MailMessage message, EmailAddress envelopeSender) {
        Optional<String> from = message.header("From");
        if (from.isPresent()) {
            try {
                Mailbox m = DefaultAddressParser.DEFAULT.parseAddressList(from.get(), DecodeMonitor.SILENT)
                        .flatten()
                        .get(0);
                String name = m.getName() == null || m.getName().isBlank()
                        ? null
                        : DecoderUtil.decodeEncodedWords(m.getName(), DecodeMonitor.SILENT);
                return Optional.of(new Sender(EmailAddress.parse(m.getAddress()), name));
            } catch (org.apache.james.mime4j.field.address.ParseException | RuntimeException e) {
                // an unparseable From: fall back to the envelope
            }
        }
        return envelopeSender == null ? Optional.empty() : Optional.of(new Sender(envelopeSender, null));
    }
}
