package dev.quire.mta.smtpd;

import dev.quire.mail.smtp.Reply;

/** The last check of every listener: whatever no earlier check permitted is refused. */
public final class RejectRelay implements RecipientCheck {
    static final Reply DENIED = new Reply(554, "5.7.1", "Relay access denied");

    @Override
    public Verdict check(RecipientRequest request) {
        return new Verdict.Reject(DENIED);
    }
}
