package dev.quire.mail;

/** Thrown when a string is not an RFC 5321 mailbox that {@link EmailAddress} accepts. */
public class InvalidAddressException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message why the address was refused; never echoes more than the caller passed in
     */
    public InvalidAddressException(String message) {
        super(message);
    }
}
