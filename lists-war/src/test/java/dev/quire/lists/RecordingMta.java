package dev.quire.lists;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import dev.quire.lists.outgoing.MtaSubmission;
import dev.quire.mail.EmailAddress;

/** An MTA hand-off that records each transaction, or fails like an MTA that is down. */
public final class RecordingMta extends MtaSubmission {
    /** One SMTP transaction. */
    public record Handoff(EmailAddress sender, List<EmailAddress> recipients, byte[] message) {
    }

    public final List<Handoff> handoffs = new ArrayList<>();
    public boolean down;

    @Override
    public void submit(EmailAddress sender, List<EmailAddress> recipients, byte[] message) throws IOException {
        if (down) {
            throw new IOException("the MTA is down");
        }
        handoffs.add(new Handoff(sender, List.copyOf(recipients), message.clone()));
    }
}
