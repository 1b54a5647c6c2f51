package dev.quire.mta.scan;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One listener's content-filter settings. A scanner whose host is null is not configured.
 *
 * @param spamdHost spamd's host, or null for no spam scanning
 * @param spamdPort spamd's TCP port
 * @param clamdHost clamd's host, or null for no virus scanning
 * @param clamdPort clamd's TCP port
 * @param clamdMaxLength octets sent to clamd at most: clamd's {@code StreamMaxLength}
 * @param spamMaxSize messages larger than this (octets) are not spam-scanned
 * @param addHeadersAt from this score on, X-Spam-Score and X-Spam-Report are added
 * @param rejectAbove above this score the message is rejected
 * @param failOpen whether a scanner that does not answer lets mail in unscanned (else 451)
 * @param connectTimeout how long to wait for a scanner's connection
 * @param timeout how long to wait for each read of a scanner's reply (the whole exchange: twice that)
 */
public record ScanSettings(String spamdHost, int spamdPort, String clamdHost, int clamdPort, long clamdMaxLength,
        long spamMaxSize, double addHeadersAt, double rejectAbove, boolean failOpen, Duration connectTimeout,
        Duration timeout) {
    public static final String SPAMD = "quire.scan.spamd";
    public static final String CLAMD = "quire.scan.clamd";
    public static final String CLAMD_MAXSIZE = "quire.scan.clamd.maxsize";
    public static final String SPAM_MAXSIZE = "quire.scan.spam.maxsize";
    public static final String SPAM_HEADERS = "quire.scan.spam.headers";
    public static final String SPAM_REJECT = "quire.scan.spam.reject";
    public static final String CONNECT_TIMEOUT = "quire.scan.connecttimeout";
    public static final String TIMEOUT = "quire.scan.timeout";

    /** Listeners that accept unscanned mail when a scanner is down unless told otherwise. */
    private static final Set<String> FAIL_OPEN_LISTENERS = Set.of("submission", "smtps");

    /** The key that says whether {@code listener} fails open: {@code quire.scan.<listener>.failopen}. */
    public static String failOpenKey(String listener) {
        return "quire.scan." + listener + ".failopen";
    }

    /**
     * Reads the settings for {@code listener} ({@code mx}, {@code submission}, {@code smtps}, ...); an absent
     * key takes its default, a malformed one is an {@link IllegalArgumentException} naming the key.
     */
    public static ScanSettings fromConfig(Function<String, Optional<String>> lookup, String listener) {
        Function<String, Optional<String>> get = key -> lookup.apply(key).map(String::strip).filter(v -> !v.isEmpty());
        String[] spamd = get.apply(SPAMD).map(v -> hostPort(SPAMD, v)).orElse(null);
        String[] clamd = get.apply(CLAMD).map(v -> hostPort(CLAMD, v)).orElse(null);
        return new ScanSettings(spamd == null ? null : spamd[0], spamd == null ? 0 : Integer.parseInt(spamd[1]),
                clamd == null ? null : clamd[0], clamd == null ? 0 : Integer.parseInt(clamd[1]),
                get.apply(CLAMD_MAXSIZE).map(v -> number(CLAMD_MAXSIZE, v)).orElse(26_214_400L),
                get.apply(SPAM_MAXSIZE).map(v -> number(SPAM_MAXSIZE, v)).orElse(40_960L),
                get.apply(SPAM_HEADERS).map(v -> score(SPAM_HEADERS, v)).orElse(1.0),
                get.apply(SPAM_REJECT).map(v -> score(SPAM_REJECT, v)).orElse(12.0),
                get.apply(failOpenKey(listener)).map(v -> bool(failOpenKey(listener), v))
                        .orElse(FAIL_OPEN_LISTENERS.contains(listener)),
                get.apply(CONNECT_TIMEOUT).map(v -> duration(CONNECT_TIMEOUT, v)).orElse(Duration.ofSeconds(5)),
                get.apply(TIMEOUT).map(v -> duration(TIMEOUT, v)).orElse(Duration.ofSeconds(30)));
    }

    /** {@code host:port} or {@code [v6-address]:port}. */
    private static String[] hostPort(String key, String value) {
        int colon = value.lastIndexOf(':');
        if (colon < 1 || colon == value.length() - 1) {
            throw bad(key, value, "host:port");
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw bad(key, value, "host:port, with an IPv6 address in brackets");
        }
        long port = number(key, value.substring(colon + 1));
        if (host.isEmpty() || port < 1 || port > 65535) {
            throw bad(key, value, "host:port");
        }
        return new String[]{host, Long.toString(port)};
    }

    private static long number(String key, String value) {
        try {
            long n = Long.parseLong(value);
            if (n < 1) {
                throw bad(key, value, "a positive number");
            }
            return n;
        } catch (NumberFormatException e) {
            throw bad(key, value, "a positive number");
        }
    }

    private static double score(String key, String value) {
        try {
            double d = Double.parseDouble(value);
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw bad(key, value, "a score");
            }
            return d;
        } catch (NumberFormatException e) {
            throw bad(key, value, "a score");
        }
    }

    private static boolean bool(String key, String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw bad(key, value, "true or false");
    }

    private static Duration duration(String key, String value) {
        try {
            Duration d = Duration.parse(value);
            if (d.isNegative() || d.isZero()) {
                throw bad(key, value, "a positive ISO-8601 duration (PT30S)");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw bad(key, value, "an ISO-8601 duration (PT30S)");
        }
    }

    private static IllegalArgumentException bad(String key, String value, String expected) {
        return new IllegalArgumentException(key + " must be " + expected + ", not \"" + value + "\"");
    }
}
