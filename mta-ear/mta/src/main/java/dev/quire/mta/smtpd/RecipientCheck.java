package dev.quire.mta.smtpd;

/** One recipient restriction, in the manner of Postfix's {@code smtpd_recipient_restrictions}. */
public interface RecipientCheck {
    Verdict check(RecipientRequest request);
}
