package dev.quire.mta.scan;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A hostile stand-in for spamd: it reads the request to its end and answers with canned bytes, or
 * (with a null reply) never answers at all.
 */
final class FakeScanner implements AutoCloseable {
    private final ServerSocket server;
    private final Thread thread;

    FakeScanner(byte[] reply) throws IOException {
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> serve(reply), "fake-scanner");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve(byte[] reply) {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                if (reply == null) {
                    Thread.sleep(10_000);
                    continue;
                }
                s.setSoTimeout(2000);
                drain(s.getInputStream());
                s.getOutputStream().write(reply);
            } catch (IOException | InterruptedException e) {
                // the next connection, or the end
            }
        }
    }

    /** The request, to its end (spamc half-closes the connection after the message). */
    private static void drain(InputStream in) throws IOException {
        in.transferTo(OutputStream.nullOutputStream());
    }

    @Override
    public void close() throws IOException {
        server.close();
        thread.interrupt();
    }
}
