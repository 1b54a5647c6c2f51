package dev.quire.mta.spool;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A queue entry's identity: time-ordered, unique across restarts, safe as a file name.
 *
 * @param value upper-case base-36 text
 */
public record QueueId(String value) implements Comparable<QueueId> {
    private static final Pattern FORM = Pattern.compile("[0-9A-Z]{8,32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public QueueId {
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("not a queue id: " + value);
        }
    }

    /** A new id: milliseconds since the epoch, then 40 random bits. */
    public static QueueId next() {
        String time = Long.toString(System.currentTimeMillis(), 36);
        String random = Long.toString((RANDOM.nextLong() >>> 24) | (1L << 40), 36).substring(1);
        return new QueueId((time + random).toUpperCase(Locale.ROOT));
    }

    /** Parses an id from a file name such as {@code ABC123.json}, if it is one. */
    public static java.util.Optional<QueueId> fromFileName(String name) {
        int dot = name.indexOf('.');
        String stem = dot < 0 ? name : name.substring(0, dot);
        return FORM.matcher(stem).matches() ? java.util.Optional.of(new QueueId(stem)) : java.util.Optional.empty();
    }

    @Override
    public int compareTo(QueueId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
