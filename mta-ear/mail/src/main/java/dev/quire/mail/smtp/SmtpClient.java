package dev.quire.mail.smtp;

import dev.quire.mail.EmailAddress;
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
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A small blocking SMTP/LMTP client for smarthost delivery, LMTP delivery and hand-off to the MTA. Negative replies are
 * returned, not thrown; an IOException leaves the client unusable, so close it. Not thread-safe.
 */
public final class SmtpClient implements Closeable {

    private static final Pattern ENHANCED = Pattern.compile("([245])\\.\\d{1,3}\\.\\d{1,3}(?= |$)");
    private static final int MAX_REPLY_LINE = 4096;
    private static final int MAX_REPLY_LINES = 200;
    /** Room for a pipelined command group and a typical message, so that each goes out in one write. */
    private static final int OUT_BUFFER = 64 * 1024;

    private Socket socket;
    private BufferedInputStream in;
    private OutputStream out;
    private final boolean lmtp;
    private final String heloName;
    private Set<String> extensions = Set.of();
    private boolean tls;

    private SmtpClient(Socket socket, boolean lmtp, String heloName) throws IOException {
        this.socket = socket;
        this.lmtp = lmtp;
        this.heloName = heloName;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = new BufferedOutputStream(socket.getOutputStream(), OUT_BUFFER);
    }

    /**
     * Connects, reads the banner and greets with EHLO (HELO if EHLO is refused with 5xx) or LHLO.
     *
     * @param timeout the connect timeout and the limit on every later read
     * @throws SmtpException if the banner or the greeting is refused
     */
    public static SmtpClient connect(String host, int port, Duration timeout, boolean lmtp, String heloName)
            throws IOException {
        return connect(host, port, timeout, timeout, lmtp, heloName);
    }

    /**
     * Connects within {@code connectTimeout}, reads the banner and greets, each read limited by {@code timeout}.
     *
     * @throws SmtpException if the banner or the greeting is refused
     */
    public static SmtpClient connect(String host, int port, Duration connectTimeout, Duration timeout, boolean lmtp,
            String heloName) throws IOException {
        if (heloName == null || heloName.isEmpty() || !heloName.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("heloName must be one printable token");
        }
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port),
                    (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
            socket.setSoTimeout(millis);
            socket.setTcpNoDelay(true);
            SmtpClient client = new SmtpClient(socket, lmtp, heloName);
            client.greet(client.readReply());
            return client;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** The upper-cased keywords of the EHLO/LHLO reply, e.g. {@code PIPELINING}, {@code SIZE}; empty after HELO. */
    public Set<String> extensions() {
        return extensions;
    }

    /** MAIL FROM:&lt;sender&gt; with ESMTP parameters such as {@code SIZE=1234}; null sender means {@code <>}. */
    public Reply mailFrom(EmailAddress sender, String... params) throws IOException {
        return command(mailLine(sender, params));
    }

    /** True when the server offered PIPELINING (RFC 2920), so {@link #pipeline} may be used. */
    public boolean pipelining() {
        return extensions.contains("PIPELINING");
    }

    /**
     * One RFC 2920 command group in one write: RSET when {@code reset} (a reused session), MAIL FROM, every RCPT TO
     * and DATA; then the replies in order, read as they come. When DATA is answered 354 the content follows with
     * {@link #content}; if no recipient was accepted but DATA still got 354, the empty message is ended here (RFC
     * 2920, section 3.1) and its reply replaces the 354. Only for a server that offered PIPELINING.
     *
     * @return one reply per command sent: [RSET,] MAIL, each RCPT, DATA
     * @throws IllegalStateException if the server did not offer PIPELINING
     */
    public List<Reply> pipeline(boolean reset, EmailAddress sender, List<EmailAddress> recipients) throws IOException {
        if (!pipelining()) {
            throw new IllegalStateException("the server does not offer PIPELINING");
        }
        StringBuilder group = new StringBuilder(64 * (recipients.size() + 3));
        if (reset) {
            group.append("RSET\r\n");
        }
        group.append(mailLine(sender)).append("\r\n");
        for (EmailAddress r : recipients) {
            group.append(rcptLine(r)).append("\r\n");
        }
        group.append("DATA\r\n");
        out.write(group.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        int count = recipients.size() + (reset ? 3 : 2);
        List<Reply> replies = new ArrayList<>(count);
        boolean anyAccepted = false;
        for (int i = 0; i < count; i++) {
            Reply reply = readReply();
            int rcpt = i - (reset ? 2 : 1);
            anyAccepted |= rcpt >= 0 && rcpt < recipients.size() && reply.isPositive();
            replies.add(reply);
        }
        if (replies.get(count - 1).code() == 354 && !anyAccepted) {
            out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            replies.set(count - 1, readReply());
        }
        return Collections.unmodifiableList(replies);
    }

    /**
     * The content after DATA was answered 354 (see {@link #pipeline}): dot-stuffed, every line end made CRLF, ended by
     * CRLF "." CRLF, written in as few writes as the buffer allows.
     *
     * @return one reply (SMTP) or one per accepted recipient (LMTP)
     */
    public List<Reply> content(InputStream content, int acceptedRecipients) throws IOException {
        if (lmtp && acceptedRecipients < 1) {
            throw new IllegalArgumentException("LMTP DATA needs at least one accepted recipient");
        }
        DotStuffingOutputStream stuffed = new DotStuffingOutputStream(out);
        content.transferTo(stuffed);
        stuffed.finish();
        int count = lmtp ? acceptedRecipients : 1;
        List<Reply> replies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            replies.add(readReply());
        }
        return Collections.unmodifiableList(replies);
    }

    private static String mailLine(EmailAddress sender, String... params) {
        return "MAIL FROM:<" + (sender == null ? "" : sender.mailbox()) + ">" + joined(params);
    }

    private static String rcptLine(EmailAddress recipient, String... params) {
        return "RCPT TO:<" + recipient.mailbox() + ">" + joined(params);
    }

    /**
     * MAIL FROM with Postfix's XVERP: the server gives each recipient its own envelope sender,
     * {@code sender-local<d1>user<d2>domain@sender-domain}, so one transaction with many recipients replaces one per
     * recipient. Only for a server that advertised XVERP (see {@link #extensions()}).
     *
     * @param delimiters the two delimiters (from {@code -=+}), or null for the server's default ({@code +=})
     * @throws IllegalStateException if the server did not advertise XVERP
     */
    public Reply mailFromXverp(EmailAddress sender, String delimiters, String... params) throws IOException {
        if (!extensions.contains("XVERP")) {
            throw new IllegalStateException("the server does not offer XVERP");
        }
        if (delimiters != null && (delimiters.length() != 2 || "-=+".indexOf(delimiters.charAt(0)) < 0
                || "-=+".indexOf(delimiters.charAt(1)) < 0)) {
            throw new IllegalArgumentException("XVERP delimiters are two of -=+");
        }
        String[] all = Arrays.copyOf(params, params.length + 1);
        all[params.length] = delimiters == null ? "XVERP" : "XVERP=" + delimiters;
        return mailFrom(sender, all);
    }

    /** RCPT TO:&lt;recipient&gt; with ESMTP parameters. */
    public Reply rcptTo(EmailAddress recipient, String... params) throws IOException {
        return command(rcptLine(recipient, params));
    }

    /**
     * Sends DATA and the content, dot-stuffed, every line end made CRLF, terminated by CRLF "." CRLF.
     *
     * @param content the message; read to EOF, not closed
     * @param acceptedRecipients LMTP: how many RCPTs were accepted, which is how many replies follow; ignored for SMTP
     * @return the refusal of DATA itself, or one reply (SMTP) or one per accepted recipient (LMTP)
     */
    public List<Reply> data(InputStream content, int acceptedRecipients) throws IOException {
        if (lmtp && acceptedRecipients < 1) {
            throw new IllegalArgumentException("LMTP DATA needs at least one accepted recipient");
        }
        Reply go = command("DATA");
        if (go.code() != 354) {
            return List.of(go);
        }
        return content(content, acceptedRecipients);
    }

    /**
     * STARTTLS (RFC 3207): on {@code 220} wraps the connection in TLS, drops anything the server sent after the
     * {@code 220} (a reply injected in clear text), and greets again, which refreshes {@link #extensions()}. The
     * factory's trust managers decide which certificates are acceptable; with a standard X509 trust manager the
     * certificate must also match {@code peerHost}.
     *
     * @param factory the client TLS socket factory
     * @param peerHost the name the server's certificate must carry, also sent as SNI
     * @return the STARTTLS reply; unless it is 220 the connection stays in clear text
     * @throws SmtpException if the server refuses the greeting after the handshake
     */
    public Reply startTls(SSLSocketFactory factory, String peerHost) throws IOException {
        if (tls) {
            throw new IllegalStateException("TLS already active");
        }
        Reply go = command("STARTTLS");
        if (go.code() != 220) {
            return go;
        }
        SSLSocket ssl = (SSLSocket) factory.createSocket(socket, peerHost, socket.getPort(), true);
        ssl.setUseClientMode(true);
        SSLParameters parameters = ssl.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        ssl.setSSLParameters(parameters);
        ssl.startHandshake();
        socket = ssl;
        in = new BufferedInputStream(ssl.getInputStream());
        out = new BufferedOutputStream(ssl.getOutputStream(), OUT_BUFFER);
        tls = true;
        extensions = Set.of();
        greet(null);
        return go;
    }

    /** True once STARTTLS succeeded. */
    public boolean isTls() {
        return tls;
    }

    /**
     * AUTH PLAIN (RFC 4616) with the credentials in the initial response; the encoded copies are zeroed afterwards.
     * Sends the password in clear text unless {@link #startTls} succeeded first.
     *
     * @return {@code 235} on success, the server's refusal otherwise
     */
    public Reply authPlain(String user, char[] password) throws IOException {
        if (user.isEmpty() || user.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("user must be non-empty and free of NUL");
        }
        byte[] name = user.getBytes(StandardCharsets.UTF_8);
        ByteBuffer secret = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] message = new byte[name.length + 2 + secret.remaining()];
        System.arraycopy(name, 0, message, 1, name.length);
        secret.get(message, name.length + 2, secret.remaining());
        Arrays.fill(secret.array(), (byte) 0);
        byte[] line = null;
        try {
            byte[] encoded = Base64.getEncoder().encode(message);
            line = new byte[encoded.length + 13];
            System.arraycopy("AUTH PLAIN ".getBytes(StandardCharsets.US_ASCII), 0, line, 0, 11);
            System.arraycopy(encoded, 0, line, 11, encoded.length);
            line[line.length - 2] = '\r';
            line[line.length - 1] = '\n';
            Arrays.fill(encoded, (byte) 0);
            out.write(line);
            out.flush();
            return readReply();
        } finally {
            Arrays.fill(message, (byte) 0);
            if (line != null) {
                Arrays.fill(line, (byte) 0);
            }
        }
    }

    /** RSET. */
    public Reply rset() throws IOException {
        return command("RSET");
    }

    /** Sends QUIT, reads the reply if one comes, and closes; never throws. */
    public void quit() {
        try {
            command("QUIT");
        } catch (IOException | RuntimeException e) {
            // the peer may already have closed; closing is all that is left to do
        } finally {
            close();
        }
    }

    /** Closes the connection without QUIT. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing useful can be done about a failed close
        }
    }

    /** Checks the banner (null after STARTTLS, which has none) and sends EHLO or LHLO, falling back to HELO. */
    private void greet(Reply banner) throws IOException {
        if (banner != null && banner.code() / 100 != 2) {
            throw new SmtpException("banner refused the session", banner);
        }
        Reply hello = command((lmtp ? "LHLO " : "EHLO ") + heloName);
        if (!lmtp && hello.isPermanent()) {
            hello = command("HELO " + heloName);
            if (hello.code() / 100 != 2) {
                throw new SmtpException("HELO refused", hello);
            }
            return;
        }
        if (hello.code() / 100 != 2) {
            throw new SmtpException((lmtp ? "LHLO" : "EHLO") + " refused", hello);
        }
        Set<String> keywords = new LinkedHashSet<>();
        String[] lines = hello.text().split("\n");
        for (int i = 1; i < lines.length; i++) {
            String keyword = lines[i].strip().split("[ =]", 2)[0].toUpperCase(Locale.ROOT);
            if (!keyword.isEmpty()) {
                keywords.add(keyword);
            }
        }
        extensions = Collections.unmodifiableSet(keywords);
    }

    private Reply command(String line) throws IOException {
        if (line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("CR or LF in an SMTP command");
        }
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return readReply();
    }

    private static String joined(String... params) {
        StringBuilder joined = new StringBuilder();
        for (String param : params) {
            if (param.isEmpty() || !param.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                throw new IllegalArgumentException("bad ESMTP parameter");
            }
            joined.append(' ').append(param);
        }
        return joined.toString();
    }

    /** Reads a possibly multi-line reply; the enhanced status is taken from the first line when present. */
    private Reply readReply() throws IOException {
        int code = -1;
        String enhanced = null;
        List<String> texts = new ArrayList<>();
        for (int i = 0;; i++) {
            if (i >= MAX_REPLY_LINES) {
                throw new ProtocolException("reply has too many lines");
            }
            String line = readLine();
            if (line.length() < 3 || !line.substring(0, 3).chars().allMatch(Character::isDigit)
                    || (line.length() > 3 && line.charAt(3) != ' ' && line.charAt(3) != '-')) {
                throw new ProtocolException("malformed reply line: " + printable(line));
            }
            int lineCode = Integer.parseInt(line.substring(0, 3));
            if (lineCode < 200 || lineCode > 599 || (code >= 0 && lineCode != code)) {
                throw new ProtocolException("unexpected reply code: " + printable(line));
            }
            code = lineCode;
            String text = line.length() > 4 ? line.substring(4) : "";
            Matcher m = ENHANCED.matcher(text);
            if (m.lookingAt() && m.group(1).charAt(0) - '0' == code / 100) {
                if (i == 0) {
                    enhanced = m.group();
                }
                text = text.substring(m.end()).stripLeading();
            }
            texts.add(printable(text));
            if (line.length() <= 3 || line.charAt(3) == ' ') {
                return new Reply(code, enhanced, String.join("\n", texts));
            }
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new EOFException("connection closed by the server");
            }
            if (line.size() >= MAX_REPLY_LINE) {
                throw new ProtocolException("reply line too long");
            }
            line.write(c);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    /** Replaces control characters of untrusted reply text. */
    private static String printable(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        text.chars().forEach(c -> clean.append(c < 0x20 || c == 0x7f ? '?' : (char) c));
        return clean.toString();
    }
}
