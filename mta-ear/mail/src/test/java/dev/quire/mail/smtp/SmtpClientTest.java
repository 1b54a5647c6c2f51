package dev.quire.mail.smtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quire.mail.EmailAddress;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SmtpClientTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final EmailAddress SENDER = EmailAddress.parse("list-bounces@lists.example");
    private static final EmailAddress ONE = EmailAddress.parse("one@example.org");
    private static final EmailAddress TWO = EmailAddress.parse("two@example.org");

    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void smtpRoundTripWithDotStuffedLines() throws Exception {
        RecordingHandlerFactory handlers = new RecordingHandlerFactory();
        try (SmtpServer server = TestServers.start(handlers, b -> b.extraEhloKeyword("XVERP"))) {
            server.port();
            try (SmtpClient client = SmtpClient.connect("127.0.0.1", server.port(), TIMEOUT, false, "lists.example")) {
                assertEquals(Set.of("PIPELINING", "8BITMIME", "ENHANCEDSTATUSCODES", "SIZE", "SMTPUTF8", "DSN",
                        "CHUNKING", "XVERP"),
                        client.extensions());
                Reply mail = client.mailFrom(SENDER, "SIZE=100", "BODY=8BITMIME");
                assertEquals(new Reply(250, "2.1.0", "Ok"), mail);
                assertTrue(client.rcptTo(ONE).isPositive());
                List<Reply> replies = client.data(bytes("Subject: dots\r\n\r\n.\r\n..two\r\nbare lf\nno final crlf"),
                        1);
                assertEquals(List.of(new Reply(250, "2.0.0", "queued")), replies);
                assertEquals(new Reply(250, "2.0.0", "Ok"), client.rset());
                client.quit();
            }
            RecordingHandlerFactory.Delivery d = handlers.nextDelivery();
            assertEquals(SENDER, d.sender());
            assertEquals(List.of(ONE), d.recipients());
            assertArrayEquals("Subject: dots\r\n\r\n.\r\n..two\r\nbare lf\r\nno final crlf\r\n".getBytes(
                    StandardCharsets.US_ASCII), d.content());
        }
    }

    @Test
    void lmtpGivesOneReplyPerAcceptedRecipient() throws Exception {
        RecordingHandlerFactory handlers = new RecordingHandlerFactory();
        handlers.acceptRecipient = r -> !r.localPart().equals("unknown");
        handlers.dataReplies = rcpts -> rcpts.stream()
                .map(r -> r.equals(ONE)
                        ? Reply.ok("2.1.5", "delivered to " + r)
                        : new Reply(552, "5.2.2", "mailbox full " + r))
                .toList();
        try (SmtpServer server = TestServers.start(handlers, b -> b.lmtp(true))) {
            try (SmtpClient client = SmtpClient.connect("127.0.0.1", server.port(), TIMEOUT, true, "mta.example")) {
                assertTrue(client.extensions().contains("ENHANCEDSTATUSCODES"));
                assertTrue(client.mailFrom(null).isPositive());
                assertTrue(client.rcptTo(ONE).isPositive());
                assertEquals(550, client.rcptTo(EmailAddress.parse("unknown@example.org")).code());
                assertTrue(client.rcptTo(TWO).isPositive());
                List<Reply> replies = client.data(bytes("Subject: lmtp\r\n\r\nhi\r\n"), 2);
                assertEquals(List.of(Reply.ok("2.1.5", "delivered to one@example.org"),
                        new Reply(552, "5.2.2", "mailbox full two@example.org")), replies);
                client.quit();
            }
        }
    }

    @Test
    void lmtpServerRefusesEhloAndSmtpServerRefusesLhlo() throws IOException {
        RecordingHandlerFactory handlers = new RecordingHandlerFactory();
        try (SmtpServer lmtp = TestServers.start(handlers, b -> b.lmtp(true));
                SmtpServer smtp = TestServers.start(handlers, b -> b)) {
            SmtpException e = assertThrows(SmtpException.class,
                    () -> SmtpClient.connect("127.0.0.1", smtp.port(), TIMEOUT, true, "mta.example"));
            assertEquals(new Reply(500, "5.5.1", "Error: LHLO is for LMTP; use EHLO"), e.reply());
            try (Wire wire = new Wire(lmtp.port())) {
                assertEquals("220 mx.test.example LMTP Quire", wire.reply());
                assertEquals("500 5.5.1 Error: LMTP requires LHLO", wire.command("EHLO mta.example"));
                assertEquals("500 5.5.1 Error: LMTP requires LHLO", wire.command("HELO mta.example"));
            }
        }
    }

    @Test
    void aPipelinedGroupDeliversAndAReusedSessionLeadsWithRset() throws Exception {
        EmailAddress refused = EmailAddress.parse("nobody@example.org");
        RecordingHandlerFactory handlers = new RecordingHandlerFactory();
        handlers.acceptRecipient = r -> !r.equals(refused);
        try (SmtpServer server = TestServers.start(handlers, b -> b);
                SmtpClient client = SmtpClient.connect("127.0.0.1", server.port(), TIMEOUT, false, "me")) {
            assertTrue(client.pipelining());
            List<Reply> group = client.pipeline(false, SENDER, List.of(ONE, refused, TWO));
            assertEquals(List.of(250, 250, 550, 250, 354), group.stream().map(Reply::code).toList());
            assertEquals(List.of(new Reply(250, "2.0.0", "queued")),
                    client.content(bytes("Subject: one\r\n\r\n.x\r\n"), 2));
            List<Reply> again = client.pipeline(true, SENDER, List.of(TWO));
            assertEquals(List.of(250, 250, 250, 354), again.stream().map(Reply::code).toList());
            assertEquals(250, client.content(bytes("Subject: two\r\n\r\nbody\r\n"), 1).get(0).code());
            List<Reply> none = client.pipeline(true, SENDER, List.of(refused));
            assertTrue(none.get(3).code() >= 500, "DATA without an accepted recipient is refused: " + none);
            client.quit();
        }
        RecordingHandlerFactory.Delivery first = handlers.nextDelivery();
        assertEquals(List.of(ONE, TWO), first.recipients());
        assertArrayEquals("Subject: one\r\n\r\n.x\r\n".getBytes(StandardCharsets.US_ASCII), first.content());
        RecordingHandlerFactory.Delivery second = handlers.nextDelivery();
        assertEquals(List.of(TWO), second.recipients());
    }

    @Test
    void aPipelinedGroupIsSentBeforeAnyReplyIsAwaited() throws Exception {
        try (ServerSocket fake = new ServerSocket(0)) {
            // answers only after the whole group (MAIL, two RCPTs, DATA) has arrived: a client that waits for the
            // reply to MAIL before sending RCPT would time out here
            Thread peer = new Thread(() -> {
                try (Socket s = fake.accept()) {
                    s.setSoTimeout(5000);
                    InputStream in = s.getInputStream();
                    OutputStream out = s.getOutputStream();
                    out.write("220 fake\r\n".getBytes(StandardCharsets.US_ASCII));
                    skipLines(in, 1);
                    out.write("250-fake\r\n250 PIPELINING\r\n".getBytes(StandardCharsets.US_ASCII));
                    skipLines(in, 4);
                    out.write("250 ok\r\n250 ok\r\n550 5.1.1 no\r\n354 go\r\n".getBytes(StandardCharsets.US_ASCII));
                    skipLines(in, 2); // the content and its terminating dot
                    out.write("250 2.0.0 queued\r\n".getBytes(StandardCharsets.US_ASCII));
                    while (in.read() >= 0) {
                        // wait for the client to close
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            peer.start();
            try (SmtpClient client = SmtpClient.connect("127.0.0.1", fake.getLocalPort(), TIMEOUT, false, "me")) {
                List<Reply> group = client.pipeline(false, SENDER, List.of(ONE, TWO));
                assertEquals(List.of(250, 250, 550, 354), group.stream().map(Reply::code).toList());
                assertEquals(List.of(new Reply(250, "2.0.0", "queued")), client.content(bytes("Subject: x\r\n"), 1));
            }
            peer.join(5000);
        }
    }

    private static void skipLines(InputStream in, int lines) throws IOException {
        for (int i = 0; i < lines; i++) {
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                // skip the command
            }
        }
    }

    @Test
    void fallsBackToHeloAndParsesMultiLineReplies() throws Exception {
        try (ServerSocket fake = new ServerSocket(0)) {
            Thread peer = new Thread(() -> scriptedPeer(fake, "220-old.example first\r\n220 old.example second\r\n",
                    "500 5.5.1 what is EHLO\r\n", "250 old.example\r\n",
                    "250-2.1.0 first line\r\n250-2.1.0 second line\r\n250 2.1.0 last\r\n"));
            peer.start();
            try (SmtpClient client = SmtpClient.connect("127.0.0.1", fake.getLocalPort(), TIMEOUT, false, "me")) {
                assertEquals(Set.of(), client.extensions());
                assertEquals(new Reply(250, "2.1.0", "first line\nsecond line\nlast"), client.mailFrom(SENDER));
            }
            peer.join(5000);
        }
    }

    @Test
    void refusedBannerIsAnSmtpException() throws Exception {
        try (ServerSocket fake = new ServerSocket(0)) {
            Thread peer = new Thread(() -> scriptedPeer(fake, "554 5.7.1 go away\r\n"));
            peer.start();
            SmtpException e = assertThrows(SmtpException.class,
                    () -> SmtpClient.connect("127.0.0.1", fake.getLocalPort(), TIMEOUT, false, "me"));
            assertEquals(new Reply(554, "5.7.1", "go away"), e.reply());
            peer.join(5000);
        }
    }

    @Test
    void callerTextCannotInjectCommands() throws IOException {
        RecordingHandlerFactory handlers = new RecordingHandlerFactory();
        try (SmtpServer server = TestServers.start(handlers, b -> b);
                SmtpClient client = SmtpClient.connect("127.0.0.1", server.port(), TIMEOUT, false, "me")) {
            assertThrows(IllegalArgumentException.class, () -> client.mailFrom(SENDER, "X=1\r\nRCPT TO:<a@b>"));
            assertThrows(IllegalArgumentException.class,
                    () -> SmtpClient.connect("127.0.0.1", server.port(), TIMEOUT, false, "me\r\nQUIT"));
        }
    }

    /** Accepts one connection, writes the first reply, then one reply per line received. */
    private static void scriptedPeer(ServerSocket listener, String... replies) {
        try (Socket s = listener.accept()) {
            s.setSoTimeout(5000);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            out.write(replies[0].getBytes(StandardCharsets.US_ASCII));
            for (int i = 1; i < replies.length; i++) {
                int c;
                while ((c = in.read()) >= 0 && c != '\n') {
                    // skip the command
                }
                out.write(replies[i].getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
            while (in.read() >= 0) {
                // wait for the client to close
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
