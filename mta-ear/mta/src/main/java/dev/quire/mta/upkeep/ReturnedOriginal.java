package dev.quire.mta.upkeep;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a delivery status notification (RFC 3464, as {@code DsnComposer} writes it) says about the message it
 * returns: the {@code Reporting-MTA} of its report and the spam verdict the scanner put into the original's header
 * section ({@code X-Spam-Score}, {@code X-Spam-Flag}). Only the notification's own structure is followed: the
 * {@code message/delivery-status} part and the {@code message/rfc822} or {@code text/rfc822-headers} part; the
 * original's body is never read.
 *
 * @param reportingMta the host named in {@code Reporting-MTA: dns; host}, lower case, or empty
 * @param spamScore the original's {@code X-Spam-Score}, when it had a number there
 * @param spamFlag true when the original carried {@code X-Spam-Flag: YES}
 */
record ReturnedOriginal(String reportingMta, OptionalDouble spamScore, boolean spamFlag) {
    /** No more than this much of a notification is read. */
    static final int MAX_LINES = 20_000;
    private static final java.util.regex.Pattern BOUNDARY = java.util.regex.Pattern
            .compile("(?i)boundary=(?:\"([^\"]+)\"|([^\\s;]+))");

    /** True when the returned original was scored as spam: the flag, or a score at or above the threshold. */
    boolean isSpam(double threshold) {
        return spamFlag || spamScore.isPresent() && spamScore.getAsDouble() >= threshold;
    }

    /**
     * Reads a notification; empty when the message is not a {@code multipart/report} that returns an original.
     */
    static Optional<ReturnedOriginal> read(InputStream message) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(message, StandardCharsets.ISO_8859_1));
        Section top = Section.read(in);
        java.util.regex.Matcher boundary = BOUNDARY.matcher(top.value("content-type").orElse(""));
        if (!top.contentType().startsWith("multipart/report") || !boundary.find()) {
            return Optional.empty();
        }
        String delimiter = "--" + (boundary.group(1) != null ? boundary.group(1) : boundary.group(2));
        String reportingMta = "";
        Section returned = null;
        int lines = 0;
        boolean partStarts = false;
        for (String line = in.readLine(); line != null && lines < MAX_LINES; line = in.readLine(), lines++) {
            if (line.equals(delimiter)) {
                partStarts = true;
                continue;
            }
            if (!partStarts) {
                continue;
            }
            partStarts = false;
            Section part = Section.read(in, line);
            if (part.contentType().startsWith("message/delivery-status")) {
                Section perMessage = Section.read(in);
                reportingMta = perMessage.value("reporting-mta").map(ReturnedOriginal::dnsName).orElse("");
            } else if (part.contentType().startsWith("message/rfc822")
                    || part.contentType().startsWith("text/rfc822-headers")) {
                returned = Section.read(in);
                break;
            }
        }
        if (returned == null) {
            return Optional.empty();
        }
        OptionalDouble score = OptionalDouble.empty();
        Optional<String> scoreText = returned.value("x-spam-score");
        if (scoreText.isPresent()) {
            try {
                score = OptionalDouble.of(Double.parseDouble(scoreText.get().strip().split("[\\s(/]", 2)[0]));
            } catch (NumberFormatException e) {
                score = OptionalDouble.empty();
            }
        }
        boolean flag = returned.value("x-spam-flag").map(v -> v.strip().toUpperCase(Locale.ROOT).startsWith("YES"))
                .orElse(false);
        return Optional.of(new ReturnedOriginal(reportingMta, score, flag));
    }

    /** {@code dns; mx.example.org} to {@code mx.example.org}. */
    private static String dnsName(String value) {
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(semicolon + 1)).strip().toLowerCase(Locale.ROOT);
    }

    /** A header section, unfolded: only the fields this class asks for are kept. */
    private record Section(java.util.Map<String, String> fields) {
        private static final java.util.Set<String> WANTED = java.util.Set.of("content-type", "reporting-mta",
                "x-spam-score", "x-spam-flag");

        static Section read(BufferedReader in) throws IOException {
            return read(in, in.readLine());
        }

        /** Reads fields from {@code first} on up to the blank line that ends the section. */
        static Section read(BufferedReader in, String first) throws IOException {
            java.util.Map<String, String> fields = new java.util.HashMap<>();
            String name = null;
            StringBuilder value = new StringBuilder();
            int lines = 0;
            for (String line = first; line != null && !line.isEmpty()
                    && lines < MAX_LINES; line = in.readLine(), lines++) {
                if ((line.startsWith(" ") || line.startsWith("\t")) && name != null) {
                    value.append(' ').append(line.strip());
                    continue;
                }
                keep(fields, name, value);
                int colon = line.indexOf(':');
                name = colon > 0 ? line.substring(0, colon).strip().toLowerCase(Locale.ROOT) : null;
                value.setLength(0);
                if (colon > 0) {
                    value.append(line.substring(colon + 1).strip());
                }
            }
            keep(fields, name, value);
            return new Section(fields);
        }

        private static void keep(java.util.Map<String, String> fields, String name, StringBuilder value) {
            if (name != null && WANTED.contains(name)) {
                fields.putIfAbsent(name, value.toString());
            }
        }

        Optional<String> value(String name) {
            return Optional.ofNullable(fields.get(name));
        }

        String contentType() {
            return value("content-type").orElse("text/plain").toLowerCase(Locale.ROOT);
        }
    }
}
