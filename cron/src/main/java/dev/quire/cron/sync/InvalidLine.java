package dev.quire.cron.sync;

/** A line of a source that does not hold a valid address: reported, never skipped in silence. */
public record InvalidLine(String source, long line, String text, String reason) {
    @Override
    public String toString() {
        return source + " line " + line + ": '" + text + "': " + reason;
    }
}
