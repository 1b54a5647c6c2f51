package dev.quire.mta.routing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A plain SMTP client that asks a running listener about recipients: RCPT TO, one reply each. */
final class RcptProbe implements AutoCloseable {
    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;
    private int sinceReset;

    RcptProbe(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(30_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        out = socket.getOutputStream();
        reply();
        command("EHLO probe.quire.test");
        command("MAIL FROM:<>");
    }

    /** The full reply to {@code RCPT TO:<address>}, e.g. {@code 250 2.1.5 Ok}. */
    String rcpt(String address) throws IOException {
        if (++sinceReset > 50) {
            command("RSET");
            command("MAIL FROM:<>");
            sinceReset = 1;
        }
        return command("RCPT TO:<" + address + ">");
    }

    private String command(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return reply();
    }

    private String reply() throws IOException {
        String line = in.readLine();
        while (line != null && line.length() > 3 && line.charAt(3) == '-') {
            line = in.readLine();
        }
        if (line == null) {
            throw new IOException("connection closed");
        }
        return line;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
