package dev.quire.mta.routing.table;

/** A table file does not parse; carries the 1-based line the error is on. */
public final class TableSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;

    TableSyntaxException(int line, String message) {
        super(message);
        this.line = line;
    }

    int line() {
        return line;
    }
}
