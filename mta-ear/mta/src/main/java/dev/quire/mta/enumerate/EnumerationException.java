package dev.quire.mta.enumerate;

/** The addresses could not all be enumerated (a table unreadable): the old file stays. */
public final class EnumerationException extends Exception {
    private static final long serialVersionUID = 1L;

    public EnumerationException(String message, Throwable cause) {
        super(message, cause);
    }
}
