package dev.quire.mta.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quire.mail.EmailAddress;

/** VERP: the envelope sender each recipient gets, and its place in the spool's JSON. */
class EnvelopeTest {
    private static final EmailAddress LIST = EmailAddress.parse("demo-bounces@lists.example.test");
    private static final Recipient CAROL = Recipient.to(EmailAddress.parse("carol@remote.test"));

    @Test
    void verpFoldsTheRecipientIntoTheSendersLocalPart() {
        Envelope e = Envelope.accepted(QueueId.next(), LIST, List.of(CAROL)).withVerp("+=");
        assertEquals(EmailAddress.parse("demo-bounces+carol=remote.test@lists.example.test"), e.senderFor(CAROL));
        assertEquals(EmailAddress.parse("demo-bounces-carol=remote.test@lists.example.test"),
                e.withVerp("-=").senderFor(CAROL));
        assertEquals(LIST, e.withVerp(null).senderFor(CAROL), "without VERP the sender is shared");
        assertNull(Envelope.accepted(QueueId.next(), null, List.of(CAROL)).withVerp("+=").senderFor(CAROL),
                "the null sender stays null");
        assertNull(e.sentAs(e.senderFor(CAROL)).verp(), "a delivery's envelope has nothing left to expand");
        assertThrows(IllegalArgumentException.class, () -> e.withVerp("%!"));
    }

    @Test
    void theSpoolKeepsTheDelimiters() throws Exception {
        Envelope e = Envelope.accepted(QueueId.next(), LIST, List.of(CAROL)).withVerp("+=");
        Envelope read = EnvelopeCodec.decode(new ByteArrayInputStream(EnvelopeCodec.encode(e)));
        assertEquals("+=", read.verp());
        assertEquals(e.senderFor(CAROL), read.senderFor(CAROL));
        assertNull(EnvelopeCodec.decode(new ByteArrayInputStream(EnvelopeCodec.encode(e.withVerp(null)))).verp());
    }
}
