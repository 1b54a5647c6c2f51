package dev.quire.mail.smtp;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/** A raw-socket SMTP peer for tests: sends exact octets and reads replies line by line. */
final class Wire implements AutoCloseable {

    private Socket socket;
    private InputStream in;
    private OutputStream out;

    Wire(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(5000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** Connects and checks the banner. */
    static Wire open(int port) throws IOException {
        Wire wire = new Wire(port);
        String banner = wire.reply();
        if (!banner.startsWith("220 ")) {
            throw new AssertionError("banner: " + banner);
        }
        return wire;
    }

    /** Wraps the connection in client-side TLS; whatever was buffered in clear text is dropped. */
    Wire startTls(SSLSocketFactory factory) throws IOException {
        SSLSocket ssl = (SSLSocket) factory.createSocket(socket, "localhost", socket.getPort(), true);
        ssl.setUseClientMode(true);
        ssl.startHandshake();
        socket = ssl;
        in = new BufferedInputStream(ssl.getInputStream());
        out = ssl.getOutputStream();
        return this;
    }

    /** The TLS session after {@link #startTls}. */
    SSLSession tlsSession() {
        return ((SSLSocket) socket).getSession();
    }

    /** Sets the read timeout. */
    Wire timeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
        return this;
    }

    /** True if nothing arrives within the current read timeout. */
    boolean silent() throws IOException {
        try {
            int c = in.read();
            if (c < 0) {
                throw new AssertionError("connection closed");
            }
            return false;
        } catch (SocketTimeoutException e) {
            return true;
        }
    }

    /** Sends exactly these characters (ISO-8859-1), no line end added. */
    Wire send(String raw) throws IOException {
        out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return this;
    }

    /** Sends exactly these characters as UTF-8, no line end added. */
    Wire sendUtf8(String raw) throws IOException {
        out.write(raw.getBytes(StandardCharsets.UTF_8));
        out.flush();
        return this;
    }

    /** Sends a command with CRLF and returns its whole reply. */
    String command(String line) throws IOException {
        send(line + "\r\n");
        return reply();
    }

    /** One full reply, multi-line replies joined with LF, line ends removed. */
    String reply() throws IOException {
        StringBuilder reply = new StringBuilder();
        while (true) {
            String line = line();
            if (line == null) {
                throw new AssertionError("connection closed while reading a reply; got so far: " + reply);
            }
            reply.append(line);
            if (line.length() < 4 || line.charAt(3) != '-') {
                return reply.toString();
            }
            reply.append('\n');
        }
    }

    /** True if the server closed the connection (EOF or reset) within the socket timeout. */
    boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true;
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                if (!text.endsWith("\r")) {
                    throw new AssertionError("reply line without CRLF: " + text);
                }
                return text.substring(0, text.length() - 1);
            }
            line.write(c);
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
