package dev.quire.mta.scan;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client of SpamAssassin's spamd, speaking the spamc protocol (SPAMC/1.5) over TCP: one connection per message,
 * the {@code REPORT} or {@code SYMBOLS} command with a Content-length, and a reply whose {@code Spam:} header
 * carries the score. Every failure, including a reply that does not parse, is an {@link IOException}.
 */
public final class SpamdClient {
    /** What spamd sends back besides the score. */
    public enum Command {
        /** The human-readable report (rule, points, description). */
        REPORT,
        /** The comma-separated names of the rules that hit. */
        SYMBOLS
    }

    static final int MAX_REPORT = 64 * 1024;
    private static final int MAX_LINE = 1024;
    private static final int MAX_HEADERS = 32;
    private static final Pattern STATUS = Pattern.compile("SPAMD/\\d{1,2}\\.\\d{1,2} (\\d{1,3}) (.{0,200})");
    private static final Pattern SPAM = Pattern.compile(
            "(?i)(true|false|yes|no)\\s*;\\s*(-?\\d{1,9}(?:\\.\\d{1,9})?)\\s*/\\s*(-?\\d{1,9}(?:\\.\\d{1,9})?)");
    private static final Pattern LENGTH = Pattern.compile("\\d{1,10}");

    private final String host;
    private final int port;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Command command;

    public SpamdClient(String host, int port, Duration connectTimeout, Duration readTimeout, Command command) {
        this.host = host;
        this.port = port;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.command = command;
    }

    /** Scans the message in {@code message}, sent as it is stored (CRLF line ends). */
    public SpamResult check(Path message) throws IOException {
        long size = Files.size(message);
        try (ScannerConnection c = new ScannerConnection(host, port, connectTimeout, readTimeout);
                InputStream in = Files.newInputStream(message)) {
            OutputStream out = c.out();
            out.write((command.name() + " SPAMC/1.5\r\nContent-length: " + size + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            if (in.transferTo(out) != size) {
                throw new IOException("message changed size while being scanned");
            }
            c.shutdownOutput();
            return readReply(c);
        }
    }

    /** Whether spamd answers {@code PING}; for readiness checks. */
    public boolean ping() {
        try (ScannerConnection c = new ScannerConnection(host, port, connectTimeout, readTimeout)) {
            c.out().write("PING SPAMC/1.5\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            c.shutdownOutput();
            String status = c.readLine(MAX_LINE);
            return status != null && status.startsWith("SPAMD/") && status.endsWith(" 0 PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private static SpamResult readReply(ScannerConnection c) throws IOException {
        String status = c.readLine(MAX_LINE);
        if (status == null) {
            throw new IOException("spamd closed the connection without a reply");
        }
        Matcher m = STATUS.matcher(status);
        if (!m.matches()) {
            throw new IOException("spamd sent a malformed status line");
        }
        if (!m.group(1).equals("0")) {
            throw new IOException("spamd failed: " + m.group(1) + " " + printable(m.group(2)));
        }
        Matcher spam = null;
        long length = -1;
        for (int i = 0;; i++) {
            String line = c.readLine(MAX_LINE);
            if (line == null || line.isEmpty()) {
                break;
            }
            if (i == MAX_HEADERS) {
                throw new IOException("spamd sent too many header lines");
            }
            int colon = line.indexOf(':');
            if (colon < 1) {
                throw new IOException("spamd sent a malformed header line");
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (name.equals("spam")) {
                spam = SPAM.matcher(value);
                if (!spam.matches()) {
                    throw new IOException("spamd sent a malformed Spam header");
                }
            } else if (name.equals("content-length")) {
                if (!LENGTH.matcher(value).matches()) {
                    throw new IOException("spamd sent a malformed Content-length");
                }
                length = Long.parseLong(value);
            }
        }
        if (spam == null) {
            throw new IOException("spamd's reply has no Spam header");
        }
        long want = length < 0 ? MAX_REPORT : Math.min(length, MAX_REPORT);
        String report = new String(c.readAtMost(want), StandardCharsets.UTF_8);
        return new SpamResult(Double.parseDouble(spam.group(2)), Double.parseDouble(spam.group(3)), report);
    }

    /** An error text from spamd, for an exception message: printable ASCII only. */
    static String printable(String s) {
        return s.replaceAll("[^\\x20-\\x7e]", "?");
    }

    @Override
    public String toString() {
        return "spamd " + host + ":" + port;
    }
}
