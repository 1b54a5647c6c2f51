package dev.quire.mail.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Quiescent mode: the port stays bound, new sessions get a 421, open ones finish, and resume ends it. */
class QuiescentTest {
    private static String firstLine(int port) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }

    @Test
    void newSessionsAreRefusedUntilResumed() throws Exception {
        RecordingHandlerFactory handlers = new RecordingHandlerFactory();
        try (SmtpServer server = TestServers.start(handlers, b -> b)) {
            Wire open = Wire.open(server.port());
            server.refuseNewSessions(new Reply(421, "4.3.2", "mx.test Service not available, maintenance"));
            assertTrue(server.isRefusing());
            assertEquals("421 4.3.2 mx.test Service not available, maintenance", firstLine(server.port()));
            assertTrue(open.command("EHLO client.test").startsWith("250"), "an open session goes on");
            open.close();
            server.resume();
            assertTrue(firstLine(server.port()).startsWith("220 "));
        }
    }

    @Test
    void onlyA421Refuses() throws Exception {
        try (SmtpServer server = TestServers.start(new RecordingHandlerFactory(), b -> b)) {
            assertThrows(IllegalArgumentException.class,
                    () -> server.refuseNewSessions(new Reply(554, "5.3.2", "no")));
        }
    }
}
