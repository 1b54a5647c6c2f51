package dev.quire.lists.archive;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The mbox format, mboxrd flavour: each message starts with a {@code From sender asctime} line, lines that
 * match {@code >*From } get one more {@code >}, and a blank line ends it. Reading takes mboxrd and the mboxo
 * that Mailman 2's pipermail writes ({@code list.mbox/list.mbox}): a {@code From } line starts a message only
 * at the start of the file or after a blank line and when it looks like a From_ line, and one {@code >} is
 * taken off quoted {@code From } lines. Messages are stored with CRLF line ends; the file has LF.
 */
public final class Mbox {
    private static final Pattern FROM_LINE = Pattern.compile(
            "^From \\S+(?: at \\S+)?\\s+(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) .*");
    private static final Pattern QUOTED_FROM = Pattern.compile("^>+From ");
    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private Mbox() {
    }

    /** Writes one message in mboxrd form. */
    public static void write(OutputStream out, String sender, Instant date, byte[] raw) throws IOException {
        String envelope = sender == null || sender.isBlank() || sender.contains(" ") ? "MAILER-DAEMON" : sender;
        out.write(("From " + envelope + " " + ASCTIME.format(date == null ? Instant.EPOCH : date) + "\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        String text = new String(raw, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
        String[] lines = text.split("\n", -1);
        int n = text.endsWith("\n") ? lines.length - 1 : lines.length;
        StringBuilder sb = new StringBuilder(text.length() + 64);
        for (int i = 0; i < n; i++) {
            String line = lines[i];
            if (line.startsWith("From ") || QUOTED_FROM.matcher(line).find()) {
                sb.append('>');
            }
            sb.append(line).append('\n');
        }
        sb.append('\n');
        out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Reads every message of an mbox file, in order, with CRLF line ends and From quoting undone. */
    public static int read(InputStream in, Consumer<byte[]> each) throws IOException {
        BufferedInputStream bin = new BufferedInputStream(in, 1 << 16);
        ByteArrayOutputStream current = null;
        boolean previousBlank = true;
        int count = 0;
        String line;
        while ((line = readLine(bin)) != null) {
            if (previousBlank && FROM_LINE.matcher(line).matches()) {
                if (current != null) {
                    each.accept(finish(current));
                    count++;
                }
                current = new ByteArrayOutputStream(8192);
                previousBlank = false;
                continue;
            }
            previousBlank = line.isEmpty();
            if (current == null) {
                continue;
            }
            String unquoted = QUOTED_FROM.matcher(line).find() ? line.substring(1) : line;
            current.write(unquoted.getBytes(StandardCharsets.ISO_8859_1));
            current.write('\r');
            current.write('\n');
        }
        if (current != null) {
            each.accept(finish(current));
            count++;
        }
        return count;
    }

    /** The message without the blank line that separated it from the next. */
    private static byte[] finish(ByteArrayOutputStream current) {
        byte[] b = current.toByteArray();
        int len = b.length;
        if (len >= 4 && b[len - 4] == '\r' && b[len - 3] == '\n' && b[len - 2] == '\r' && b[len - 1] == '\n') {
            len -= 2;
        }
        return java.util.Arrays.copyOf(b, len);
    }

    /** One line without its LF (and CR), bytes as ISO-8859-1 characters; null at the end. */
    private static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder(128);
        int c;
        boolean any = false;
        while ((c = in.read()) >= 0) {
            any = true;
            if (c == '\n') {
                break;
            }
            sb.append((char) c);
        }
        if (!any) {
            return null;
        }
        int len = sb.length();
        if (len > 0 && sb.charAt(len - 1) == '\r') {
            sb.setLength(len - 1);
        }
        return sb.toString();
    }
}
