package dev.quire.cron.sync;

/** A source could not be read at all (unreachable database, missing file, broken CSV): no removals this run. */
public final class SourceFailure extends Exception {
    private static final long serialVersionUID = 1L;

    public SourceFailure(String message, Throwable cause) {
        super(message, cause);
    }

    public SourceFailure(String message) {
        super(message);
    }
}
