package dev.quire.mail.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quire.mail.EmailAddress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SMTPUTF8, DSN parameters, CHUNKING/BDAT and the per-client connection limit on the wire. */
class SmtpExtensionsTest {

    private final RecordingHandlerFactory handlers = new RecordingHandlerFactory();
    private SmtpServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    private Wire open(UnaryOperator<SmtpServerConfig.Builder> settings) throws IOException {
        server = TestServers.start(handlers, settings);
        Wire wire = Wire.open(server.port());
        String greeting = settings.apply(SmtpServerConfig.builder()).build().lmtp() ? "LHLO" : "EHLO";
        String ehlo = wire.command(greeting + " client.example");
        assertTrue(ehlo.contains("SMTPUTF8") && ehlo.contains("DSN") && ehlo.contains("CHUNKING"), ehlo);
        return wire;
    }

    @Test
    void connectionsPerClientAreLimited() throws IOException {
        server = TestServers.start(handlers, b -> b.maxConnectionsPerClient(2));
        try (Wire first = Wire.open(server.port());
                Wire second = Wire.open(server.port());
                Wire third = new Wire(server.port())) {
            assertEquals("421 4.7.0 Too many connections from your address", third.reply());
            assertTrue(third.closedByServer());
            assertEquals("250 2.0.0 Ok", first.command("NOOP"));
        }
        long deadline = System.currentTimeMillis() + 5000;
        while (true) { // the slots are freed as the sessions end
            try (Wire again = new Wire(server.port())) {
                if (again.reply().startsWith("220 ")) {
                    break;
                }
            }
            assertTrue(System.currentTimeMillis() < deadline, "connection slots were not released");
        }
    }

    @Test
    void smtpUtf8AddressesNeedTheParameter() throws Exception {
        try (Wire wire = open(b -> b)) {
            wire.sendUtf8("MAIL FROM:<jos\u00e9@b\u00fccher.example>\r\n");
            assertEquals("553 5.6.7 Sender address needs SMTPUTF8", wire.reply());
            wire.sendUtf8("MAIL FROM:<jos\u00e9@B\u00dccher.example> SMTPUTF8\r\n");
            assertEquals("250 2.1.0 Ok", wire.reply());
            wire.sendUtf8("RCPT TO:<\u7528\u6237@\u4f8b\u5b50.\u5e7f\u544a>\r\n");
            assertEquals("250 2.1.5 Ok", wire.reply());
            assertEquals("354 End data with <CR><LF>.<CR><LF>", wire.command("DATA"));
            assertEquals("250 2.0.0 queued", wire.command("Subject: t\r\n\r\nx\r\n."));
            wire.command("MAIL FROM:<a@example.org>");
            wire.sendUtf8("RCPT TO:<\u7528\u6237@example.org>\r\n");
            assertEquals("553 5.6.7 Recipient address needs SMTPUTF8", wire.reply());
            assertEquals("250 2.0.0 Ok", wire.command("RSET"));
            assertEquals("501 5.5.4 Syntax: MAIL FROM:<address> [parameters]",
                    wire.command("MAIL FROM:<a@example.org> SMTPUTF8=yes"));
        }
        RecordingHandlerFactory.Delivery d = handlers.nextDelivery();
        assertEquals("jos\u00e9@b\u00fccher.example", d.sender().mailbox());
        assertEquals("\u7528\u6237@\u4f8b\u5b50.\u5e7f\u544a", d.recipients().get(0).mailbox());
        assertEquals("", d.mailParams().get("SMTPUTF8"));
    }

    @Test
    void dsnParametersAreCheckedAndPassedThrough() throws Exception {
        try (Wire wire = open(b -> b)) {
            assertEquals("501 5.5.4 Invalid DSN parameter", wire.command("MAIL FROM:<a@example.org> RET=BODY"));
            assertEquals("501 5.5.4 Invalid DSN parameter", wire.command("MAIL FROM:<a@example.org> ENVID=a=b"));
            assertEquals("501 5.5.4 Invalid DSN parameter", wire.command("MAIL FROM:<a@example.org> ENVID=x+2g"));
            assertTrue(wire.command("MAIL FROM:<a@example.org> RET=FULL RET=HDRS").startsWith("501 5.5.4 "));
            assertEquals("250 2.1.0 Ok", wire.command("MAIL FROM:<a@example.org> ret=hdrs ENVID=QQ+2B314"));
            assertEquals("501 5.5.4 Invalid DSN parameter", wire.command("RCPT TO:<b@example.net> NOTIFY=NEVER,DELAY"));
            assertEquals("501 5.5.4 Invalid DSN parameter",
                    wire.command("RCPT TO:<b@example.net> NOTIFY=SUCCESS,SUCCESS"));
            assertEquals("501 5.5.4 Invalid DSN parameter", wire.command("RCPT TO:<b@example.net> NOTIFY="));
            assertEquals("501 5.5.4 Invalid DSN parameter", wire.command("RCPT TO:<b@example.net> ORCPT=rfc822"));
            assertEquals("501 5.5.4 Invalid DSN parameter", wire.command("RCPT TO:<b@example.net> ORCPT=;b@x"));
            assertTrue(wire.command("RCPT TO:<b@example.net> NOTIFY=NEVER NOTIFY=NEVER").startsWith("501 5.5.4 "));
            assertEquals("250 2.1.5 Ok",
                    wire.command("RCPT TO:<b@example.net> NOTIFY=success,FAILURE ORCPT=rfc822;B+40example.net"));
            assertEquals("250 2.1.5 Ok", wire.command("RCPT TO:<c@example.net> NOTIFY=NEVER"));
            wire.command("DATA");
            wire.command("x\r\n.");
        }
        RecordingHandlerFactory.Delivery d = handlers.nextDelivery();
        assertEquals(Map.of("RET", "hdrs", "ENVID", "QQ+2B314"), d.mailParams());
        assertEquals(Map.of("NOTIFY", "success,FAILURE", "ORCPT", "rfc822;B+40example.net"), d.rcptParams().get(0));
        assertEquals(Map.of("NOTIFY", "NEVER"), d.rcptParams().get(1));
    }

    @Test
    void bdatSingleChunk() throws Exception {
        try (Wire wire = open(b -> b)) {
            transaction(wire);
            assertEquals("250 2.0.0 queued", bdat(wire, "Subject: one\r\n\r\nbody\r\n", true));
        }
        assertEquals("Subject: one\r\n\r\nbody\r\n", content(handlers.nextDelivery()));
    }

    @Test
    void bdatChunksAccumulateAndLineEndsCrossChunks() throws Exception {
        try (Wire wire = open(b -> b)) {
            transaction(wire);
            assertEquals("250 2.0.0 15 octets received", bdat(wire, "Subject: two\r\n\r", false));
            assertEquals("250 2.0.0 6 octets received", bdat(wire, "\nbody\r", false));
            assertEquals("250 2.0.0 queued", bdat(wire, "\n.\r\nend", true));
            assertEquals("503 5.5.1 Error: need MAIL command", bdat(wire, "late", true));
        }
        assertEquals("Subject: two\r\n\r\nbody\r\n.\r\nend\r\n", content(handlers.nextDelivery()),
                "dots are not stuffed in BDAT; a missing final CRLF is added as DATA would have it");
    }

    @Test
    void bdatPipelinedWithTheEnvelope() throws Exception {
        try (Wire wire = open(b -> b)) {
            wire.send("MAIL FROM:<a@example.org>\r\nRCPT TO:<b@example.net>\r\nBDAT 3 LAST\r\nab\n");
            assertEquals("250 2.1.0 Ok", wire.reply());
            assertEquals("250 2.1.5 Ok", wire.reply());
            assertEquals("550 5.6.0 Message contains bare CR or LF; only CRLF line ends are accepted", wire.reply());
            assertEquals("250 2.0.0 Ok", wire.command("NOOP"), "still in step after the chunk");
        }
        assertEquals(0, handlers.deliveries.size(), "the handler never sees a rejected BDAT message");
    }

    @Test
    void bdatOverTheSizeLimitIsConsumedAndRefused() throws Exception {
        try (Wire wire = open(b -> b.maxMessageSize(10))) {
            transaction(wire);
            assertEquals("250 2.0.0 8 octets received", bdat(wire, "12345678", false));
            assertEquals("552 5.3.4 Message size exceeds fixed maximum message size", bdat(wire, "abcdefgh", false));
            assertEquals("503 5.5.1 Error: need MAIL command", bdat(wire, "QUIT\r\n", true));
            assertEquals("250 2.0.0 Ok", wire.command("NOOP"));
        }
        assertTrue(handlers.deliveries.isEmpty());
    }

    @Test
    void bdatBareCrIsRejectedAtLast() throws Exception {
        try (Wire wire = open(b -> b)) {
            transaction(wire);
            assertEquals("250 2.0.0 4 octets received", bdat(wire, "a\rb\n", false));
            assertEquals("550 5.6.0 Message contains bare CR or LF; only CRLF line ends are accepted",
                    bdat(wire, "c\r\n", true));
        }
    }

    @Test
    void bdatSyntaxMixingAndLargeMessagesSpillToDisk() throws Exception {
        try (Wire wire = open(b -> b)) {
            assertEquals("501 5.5.4 Syntax: BDAT size [LAST]", wire.command("BDAT"));
            assertEquals("501 5.5.4 Syntax: BDAT size [LAST]", wire.command("BDAT -1"));
            assertEquals("501 5.5.4 Syntax: BDAT size [LAST]", wire.command("BDAT 1 FIRST"));
            transaction(wire);
            assertEquals("250 2.0.0 2 octets received", bdat(wire, "a\r", false));
            assertEquals("503 5.5.1 Error: DATA not allowed after BDAT", wire.command("DATA"));
            StringBuilder big = new StringBuilder();
            while (big.length() < 1_500_000) {
                big.append("x".repeat(98)).append("\r\n");
            }
            assertEquals("250 2.0.0 queued", bdat(wire, "\n" + big, true));
        }
        assertEquals(2 + 1 + 1_500_000, handlers.nextDelivery().content().length);
    }

    @Test
    void lmtpBdatAnswersPerRecipient() throws Exception {
        handlers.acceptRecipient = r -> !r.localPart().equals("nobody");
        handlers.dataReplies = recipients -> recipients.stream()
                .map(r -> r.localPart().equals("full")
                        ? new Reply(452, "4.2.2", "Mailbox full")
                        : Reply.ok("2.0.0", "delivered to " + r.localPart()))
                .collect(Collectors.toList());
        try (Wire wire = open(b -> b.lmtp(true))) {
            wire.command("MAIL FROM:<a@example.org>");
            assertEquals("250 2.1.5 Ok", wire.command("RCPT TO:<one@example.net>"));
            assertEquals("550 5.1.1 No such user", wire.command("RCPT TO:<nobody@example.net>"));
            assertEquals("250 2.1.5 Ok", wire.command("RCPT TO:<full@example.net>"));
            assertEquals("250 2.0.0 4 octets received", bdat(wire, "Subj", false));
            wire.send("BDAT 8 LAST\r\nect: x\r\n");
            List<String> replies = new ArrayList<>(List.of(wire.reply(), wire.reply()));
            assertEquals(List.of("250 2.0.0 delivered to one", "452 4.2.2 Mailbox full"), replies);
        }
        RecordingHandlerFactory.Delivery d = handlers.nextDelivery();
        assertEquals("Subject: x\r\n", content(d));
        assertEquals(List.of(EmailAddress.parse("one@example.net"), EmailAddress.parse("full@example.net")),
                d.recipients());
        assertNull(d.rejection());
    }

    private static void transaction(Wire wire) throws IOException {
        assertEquals("250 2.1.0 Ok", wire.command("MAIL FROM:<a@example.org>"));
        assertEquals("250 2.1.5 Ok", wire.command("RCPT TO:<b@example.net>"));
    }

    private static String bdat(Wire wire, String chunk, boolean last) throws IOException {
        byte[] bytes = chunk.getBytes(StandardCharsets.ISO_8859_1);
        wire.send("BDAT " + bytes.length + (last ? " LAST" : "") + "\r\n" + chunk);
        return wire.reply();
    }

    private static String content(RecordingHandlerFactory.Delivery d) {
        return new String(d.content(), StandardCharsets.ISO_8859_1);
    }
}
