package dev.quire.mta.routing;

/** The address classes a recipient can resolve to; each has one delivery transport. */
public enum AddressClass {
    /** An address of a mailing list: LMTP to the list engine. */
    LIST("list"),
    /** A mailbox in a local domain: Maildir. */
    LOCAL("local"),
    /** Any other domain: SMTP to the smarthost. */
    REMOTE("esmtp");

    private final String mailer;

    AddressClass(String mailer) {
        this.mailer = mailer;
    }

    /** The mailer name {@code verify} prints, as sendmail -bv does. */
    public String mailer() {
        return mailer;
    }
}
