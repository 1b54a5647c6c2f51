package dev.quire.mta.delivery;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import dev.quire.mail.EmailAddress;
import dev.quire.mta.spool.MessageBody;

/**
 * Appends a message to a file in mbox format, as an alias {@code /path/file} target asks: a {@code From }
 * separator line, {@code >From } quoting of body lines, LF line ends, the file locked while writing and
 * fsynced before the delivery counts.
 */
public final class FileAgent {
    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy",
            Locale.US);

    public Outcome deliver(Path file, MessageBody message, EmailAddress sender) {
        if (!file.isAbsolute()) {
            return Outcome.failed("550 5.3.0 file targets must be absolute paths: " + file);
        }
        try {
            byte[] entry = mboxEntry(message, sender);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND); FileLock lock = ch.lock()) {
                ByteBuffer buf = ByteBuffer.wrap(entry);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            return Outcome.delivered("appended to " + file);
        } catch (IOException e) {
            return Outcome.retry("451 4.3.0 cannot append to " + file + ": " + e.getMessage());
        }
    }

    static byte[] mboxEntry(MessageBody message, EmailAddress sender) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String from = "From " + (sender == null ? "MAILER-DAEMON" : sender.toString()) + " "
                + ASCTIME.format(ZonedDateTime.now()) + "\n";
        out.writeBytes(from.getBytes(StandardCharsets.UTF_8));
        try (InputStream in = message.open();
                BufferedReader r = new BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.ISO_8859_1))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.matches(">*From .*")) {
                    out.write('>');
                }
                out.writeBytes(line.getBytes(StandardCharsets.ISO_8859_1));
                out.write('\n');
            }
        }
        out.write('\n');
        return out.toByteArray();
    }
}
