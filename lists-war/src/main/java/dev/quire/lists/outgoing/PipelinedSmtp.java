package dev.quire.lists.outgoing;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.quire.mail.EmailAddress;
import dev.quire.mail.smtp.Reply;
import dev.quire.mail.smtp.SmtpException;

/**
 * The list engine's SMTP client for the MTA's internal listener, with PIPELINING (RFC 2920): MAIL, every
 * RCPT and DATA of a transaction go out in one write and their replies are read in order, so a hand-off of
 * a thousand recipients costs two round trips instead of a thousand. Without PIPELINING it waits for each
 * reply. Message content is sent with CRLF line ends, dot-stuffed. Not thread-safe.
 */
final class PipelinedSmtp implements Closeable {
    private static final int MAX_LINE = 4096;
    private static final byte[] CRLF = {'\r', '\n'};
    private static final java.util.regex.Pattern CONTROL = java.util.regex.Pattern.compile("[\\x00-\\x1f\\x7f]");

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private boolean pipelining;
    private boolean xverp;

    /** One transaction's replies, in command order; {@code end} is null when no content was sent. */
    record Result(Reply mail, List<Reply> rcpts, Reply data, Reply end) {
        int accepted() {
            return (int) rcpts.stream().filter(Reply::isPositive).count();
        }

        boolean queued() {
            return end != null && end.isPositive() && accepted() > 0;
        }
    }

    private PipelinedSmtp(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), 16384);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 65536);
    }

    static PipelinedSmtp connect(String host, int port, Duration timeout, String helo) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            socket.setTcpNoDelay(true);
            PipelinedSmtp smtp = new PipelinedSmtp(socket);
            expect(smtp.read(), "banner");
            smtp.write("EHLO " + helo);
            smtp.out.flush();
            Reply ehlo = smtp.read();
            expect(ehlo, "EHLO");
            smtp.pipelining = ehlo.text().lines().anyMatch(l -> l.strip().equalsIgnoreCase("PIPELINING"));
            smtp.xverp = ehlo.text().lines().anyMatch(l -> l.strip().equalsIgnoreCase("XVERP"));
            return smtp;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** True when the MTA offered Postfix's XVERP: it computes a VERP sender per recipient itself. */
    boolean offersXverp() {
        return xverp;
    }

    /** MAIL, the RCPTs and DATA (pipelined when offered), then the content if DATA was accepted. */
    Result send(EmailAddress sender, List<EmailAddress> recipients, byte[] message) throws IOException {
        return send(sender, recipients, message, false);
    }

    /**
     * As {@link #send(EmailAddress, List, byte[])}; with {@code verp} (only when {@link #offersXverp()}) MAIL
     * carries {@code XVERP}, so each recipient's copy leaves the MTA from {@code sender+user=domain}.
     */
    Result send(EmailAddress sender, List<EmailAddress> recipients, byte[] message, boolean verp)
            throws IOException {
        String mailFrom = "MAIL FROM:<" + (sender == null ? "" : sender.mailbox()) + ">" + (verp ? " XVERP" : "");
        List<Reply> rcpts = new ArrayList<>(recipients.size());
        Reply mail;
        Reply data;
        if (pipelining) {
            write(mailFrom);
            for (EmailAddress r : recipients) {
                write("RCPT TO:<" + r.mailbox() + ">");
            }
            write("DATA");
            out.flush();
            mail = read();
            for (int i = 0; i < recipients.size(); i++) {
                rcpts.add(read());
            }
            data = read();
        } else {
            mail = command(mailFrom);
            for (EmailAddress r : recipients) {
                rcpts.add(mail.isPositive() ? command("RCPT TO:<" + r.mailbox() + ">") : mail);
            }
            data = mail.isPositive() && rcpts.stream().anyMatch(Reply::isPositive) ? command("DATA") : null;
        }
        if (data == null || data.code() != 354) {
            command("RSET");
            return new Result(mail, rcpts, data, null);
        }
        boolean any = rcpts.stream().anyMatch(Reply::isPositive) && mail.isPositive();
        if (any) {
            writeContent(message);
        }
        out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        Reply end = read();
        return new Result(mail, rcpts, data, any ? end : null);
    }

    void quit() {
        try {
            command("QUIT");
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private Reply command(String line) throws IOException {
        write(line);
        out.flush();
        return read();
    }

    private void write(String line) throws IOException {
        if (line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("CR or LF in an SMTP command");
        }
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The content with CRLF line ends and a leading dot doubled, ending in CRLF. Runs of bytes that need no
     * change (lines already ending in CRLF, not starting with a dot) are written as they are, in one call.
     */
    private void writeContent(byte[] m) throws IOException {
        boolean lineStart = true;
        int run = 0;
        for (int i = 0; i < m.length; i++) {
            byte b = m[i];
            if (b == '\r' && i + 1 < m.length && m[i + 1] == '\n') {
                i++;
                lineStart = true;
                continue;
            }
            if (b == '\r' || b == '\n') {
                out.write(m, run, i - run);
                out.write(CRLF);
                run = i + 1;
                lineStart = true;
                continue;
            }
            if (lineStart && b == '.') {
                out.write(m, run, i - run);
                out.write('.');
                run = i;
            }
            lineStart = false;
        }
        out.write(m, run, m.length - run);
        if (!lineStart) {
            out.write(CRLF);
        }
    }

    private Reply read() throws IOException {
        List<String> texts = new ArrayList<>();
        int code = -1;
        while (true) {
            String line = readLine();
            if (line.length() < 3 || !line.substring(0, 3).chars().allMatch(Character::isDigit)) {
                throw new ProtocolException("malformed reply line from the MTA");
            }
            code = Integer.parseInt(line.substring(0, 3));
            texts.add(line.length() > 4 ? CONTROL.matcher(line.substring(4)).replaceAll("?") : "");
            if (line.length() <= 3 || line.charAt(3) == ' ') {
                return new Reply(code, null, String.join("\n", texts));
            }
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new EOFException("the MTA closed the connection");
            }
            if (line.size() >= MAX_LINE) {
                throw new ProtocolException("reply line too long");
            }
            line.write(c);
        }
        String s = line.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static void expect(Reply reply, String what) throws SmtpException {
        if (!reply.isPositive()) {
            throw new SmtpException("the MTA refused " + what, reply);
        }
    }
}
