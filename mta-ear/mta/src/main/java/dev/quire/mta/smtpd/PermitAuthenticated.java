package dev.quire.mta.smtpd;

/** Relay for clients that authenticated with SMTP AUTH (Postfix's {@code permit_sasl_authenticated}). */
public final class PermitAuthenticated implements RecipientCheck {
    @Override
    public Verdict check(RecipientRequest request) {
        return request.authenticatedUser().isPresent() ? Verdict.OK : Verdict.DUNNO;
    }
}
