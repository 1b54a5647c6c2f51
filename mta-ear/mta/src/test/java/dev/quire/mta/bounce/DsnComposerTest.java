package dev.quire.mta.bounce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quire.mail.EmailAddress;
import dev.quire.mta.spool.QueueId;

class DsnComposerTest {
    private static final String HOST = "mx.quire.test";
    private static final EmailAddress SENDER = EmailAddress.parse("alice@example.com");
    private static final EmailAddress BOB = EmailAddress.parse("bob@example.org");
    private static final EmailAddress CAROL = EmailAddress.parse("carol@example.net");
    private static final EmailAddress DAVE = EmailAddress.parse("dave@example.org");
    private static final QueueId QUEUE_ID = new QueueId("LQ3K2Z9AB1C2D3E4");
    private static final Instant NOW = Instant.parse("2024-05-06T07:08:09Z");
    private static final Instant ARRIVED = Instant.parse("2024-05-06T06:00:00Z");
    private static final Instant TRIED = Instant.parse("2024-05-06T07:00:00Z");
    private static final String HEADERS = "From: Alice <alice@example.com>\r\nTo: bob@example.org\r\n"
            + "Subject: lunch\r\nMessage-ID: <m1@example.com>\r\n";
    private static final String BODY = "See you at noon.\r\nAlice\r\n";
    private static final String UNKNOWN = "550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown";

    @TempDir
    Path dir;

    private final DsnComposer composer = new DsnComposer(HOST, "MAILER-DAEMON@" + HOST, Clock.fixed(NOW,
            ZoneOffset.UTC), () -> "=_quire_test_boundary");

    private Path original(byte[] bytes) throws IOException {
        return Files.write(dir.resolve("original.eml"), bytes);
    }

    private Path original() throws IOException {
        return original((HEADERS + "\r\n" + BODY).getBytes(StandardCharsets.US_ASCII));
    }

    private static DsnRecipient bobUnknown() {
        return DsnRecipient.failed(BOB, "5.1.1", UNKNOWN, "mx.example.org", TRIED);
    }

    private static JsonObject part(JsonObject dsn, int index) {
        return dsn.getJsonArray("parts").getJsonObject(index);
    }

    private static JsonObject recipient(JsonObject dsn, int index) {
        return part(dsn, 1).getJsonArray("recipients").getJsonObject(index);
    }

    /** Parses with Python and checks what every notification must be, whatever it reports. */
    private static JsonObject parseWellFormed(byte[] dsn) throws Exception {
        assertLinesWellFormed(dsn);
        JsonObject parsed = PythonEmailParser.parse(dsn);
        assertEquals("multipart/report", parsed.getString("content_type"));
        assertEquals("delivery-status", parsed.getString("report_type"));
        assertTrue(parsed.getJsonArray("defects").isEmpty(), parsed.getJsonArray("defects").toString());
        JsonObject headers = parsed.getJsonObject("headers");
        assertEquals("Mail Delivery System <MAILER-DAEMON@mx.quire.test>", headers.getString("From"));
        assertEquals("alice@example.com", headers.getString("To"), "To: <alice@example.com>");
        assertEquals("auto-replied", headers.getString("Auto-Submitted"));
        assertTrue(
                new String(dsn, StandardCharsets.ISO_8859_1).contains("\r\nDate: Mon, 6 May 2024 07:08:09 +0000\r\n"));
        assertEquals("Mon, 06 May 2024 07:08:09 +0000", headers.getString("Date"), "Python parsed the date");
        assertEquals("<LQ3K2Z9AB1C2D3E4." + NOW.toEpochMilli() + "@mx.quire.test>", headers.getString("Message-ID"));
        assertEquals("1.0", headers.getString("MIME-Version"));
        assertEquals(3, parsed.getJsonArray("parts").size());
        assertEquals("text/plain", part(parsed, 0).getString("content_type"));
        assertEquals("message/delivery-status", part(parsed, 1).getString("content_type"));
        JsonObject perMessage = part(parsed, 1).getJsonObject("per_message");
        assertEquals("dns; mx.quire.test", perMessage.getString("Reporting-MTA"));
        assertEquals("Mon, 6 May 2024 06:00:00 +0000", perMessage.getString("Arrival-Date"));
        return parsed;
    }

    /** CRLF line ends only, and no line over 998 octets. */
    private static void assertLinesWellFormed(byte[] dsn) {
        int lineStart = 0;
        for (int i = 0; i < dsn.length; i++) {
            if (dsn[i] == '\r') {
                assertTrue(i + 1 < dsn.length && dsn[i + 1] == '\n', "bare CR at " + i);
            } else if (dsn[i] == '\n') {
                assertTrue(i > 0 && dsn[i - 1] == '\r', "bare LF at " + i);
                assertTrue(i - 1 - lineStart <= 998, "line of " + (i - 1 - lineStart) + " octets at " + lineStart);
                lineStart = i + 1;
            }
        }
        assertEquals(dsn.length, lineStart, "the message ends with CRLF");
    }

    /** The exact content of the third part: between its header section and the closing delimiter. */
    private static byte[] returnedPart(byte[] dsn) {
        String s = new String(dsn, StandardCharsets.ISO_8859_1);
        Matcher boundary = Pattern.compile("boundary=\"([^\"]+)\"").matcher(s);
        assertTrue(boundary.find());
        String delimiter = "\r\n--" + boundary.group(1);
        int third = s.indexOf(delimiter, s.indexOf(delimiter, s.indexOf(delimiter) + 1) + 1);
        int start = s.indexOf("\r\n\r\n", third + delimiter.length()) + 4;
        int end = s.lastIndexOf(delimiter + "--\r\n");
        assertEquals(s.length() - delimiter.length() - 4, end, "the closing delimiter ends the message");
        return s.substring(start, end).getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void oneFailedRecipientWithRemoteDiagnostic() throws Exception {
        byte[] dsn = composer.compose(QUEUE_ID, SENDER, ARRIVED, null, null, List.of(bobUnknown()), original());

        JsonObject parsed = parseWellFormed(dsn);
        assertEquals("Undelivered Mail Returned to Sender", parsed.getJsonObject("headers").getString("Subject"));
        assertFalse(part(parsed, 1).getJsonObject("per_message").containsKey("Original-Envelope-Id"));
        JsonObject bob = recipient(parsed, 0);
        assertEquals("rfc822; bob@example.org", bob.getString("Final-Recipient"));
        assertFalse(bob.containsKey("Original-Recipient"));
        assertEquals("failed", bob.getString("Action"));
        assertEquals("5.1.1", bob.getString("Status"));
        assertEquals("dns; mx.example.org", bob.getString("Remote-MTA"));
        assertEquals("smtp; " + UNKNOWN, bob.getString("Diagnostic-Code"));
        assertEquals("Mon, 6 May 2024 07:00:00 +0000", bob.getString("Last-Attempt-Date"));
        assertFalse(bob.containsKey("Will-Retry-Until"));
        String text = part(parsed, 0).getString("text").replaceAll("\\s+", " ");
        assertTrue(text.contains("This is the mail system at host mx.quire.test."), text);
        assertTrue(text.contains("could not be delivered to one or more"), text);
        assertTrue(text.contains("<bob@example.org>: delivery failed (status 5.1.1)."), text);
        assertTrue(text.contains("Host mx.example.org said: 550 5.1.1"), text);
        assertEquals("message/rfc822", part(parsed, 2).getString("content_type"), "no RET means FULL for failures");
        assertEquals("lunch", part(parsed, 2).getJsonObject("inner_headers").getString("Subject"));
    }

    @Test
    void severalRecipientsMixingFailedAndDelayed() throws Exception {
        Instant until = Instant.parse("2024-05-11T06:00:00Z");
        List<DsnRecipient> recipients = List.of(bobUnknown(),
                DsnRecipient.delayed(CAROL, "4.4.1", null, null, TRIED, until),
                DsnRecipient.delayed(DAVE, "4.2.2", "452 4.2.2 Mailbox full", "mx2.example.org", TRIED, until));
        byte[] dsn = composer.compose(QUEUE_ID, SENDER, ARRIVED, null, null, recipients, original());

        JsonObject parsed = parseWellFormed(dsn);
        assertEquals("Undelivered Mail Returned to Sender", parsed.getJsonObject("headers").getString("Subject"));
        assertEquals(3, part(parsed, 1).getJsonArray("recipients").size());
        assertEquals("failed", recipient(parsed, 0).getString("Action"));
        assertFalse(recipient(parsed, 0).containsKey("Will-Retry-Until"));
        JsonObject carol = recipient(parsed, 1);
        assertEquals("rfc822; carol@example.net", carol.getString("Final-Recipient"));
        assertEquals("delayed", carol.getString("Action"));
        assertEquals("4.4.1", carol.getString("Status"));
        assertFalse(carol.containsKey("Diagnostic-Code"));
        assertFalse(carol.containsKey("Remote-MTA"));
        assertEquals("Sat, 11 May 2024 06:00:00 +0000", carol.getString("Will-Retry-Until"));
        JsonObject dave = recipient(parsed, 2);
        assertEquals("delayed", dave.getString("Action"));
        assertEquals("smtp; 452 4.2.2 Mailbox full", dave.getString("Diagnostic-Code"));
        String text = part(parsed, 0).getString("text").replaceAll("\\s+", " ");
        assertTrue(text.contains("<carol@example.net>: delivery delayed (status 4.4.1); still trying until"), text);
        assertTrue(text.contains("Host mx2.example.org said: 452 4.2.2 Mailbox full"), text);
        assertEquals("message/rfc822", part(parsed, 2).getString("content_type"));
    }

    @Test
    void delayWarningReturnsOnlyTheHeadersWhateverRetSays() throws Exception {
        List<DsnRecipient> recipients = List.of(
                DsnRecipient.delayed(CAROL, "4.4.1", "421 4.4.1 try later", null, TRIED, NOW));
        byte[] dsn = composer.compose(QUEUE_ID, SENDER, ARRIVED, null, Ret.FULL, recipients, original());

        JsonObject parsed = parseWellFormed(dsn);
        assertEquals("Delayed Mail (still being retried)", parsed.getJsonObject("headers").getString("Subject"));
        assertEquals("text/rfc822-headers", part(parsed, 2).getString("content_type"));
        assertTrue(part(parsed, 0).getString("text").contains("This is a warning only"));
    }

    @Test
    void successReportReturnsOnlyTheHeaders() throws Exception {
        List<DsnRecipient> recipients = List.of(
                new DsnRecipient(BOB, null, null, Action.DELIVERED, "2.0.0", null, null, TRIED, null),
                new DsnRecipient(CAROL, null, null, Action.RELAYED, "2.0.0", "250 2.0.0 Ok: queued as 4F2",
                        "legacy.example.net", TRIED, null));
        byte[] dsn = composer.compose(QUEUE_ID, SENDER, ARRIVED, null, null, recipients, original());

        JsonObject parsed = parseWellFormed(dsn);
        assertEquals("Successful Mail Delivery Report", parsed.getJsonObject("headers").getString("Subject"));
        assertEquals("delivered", recipient(parsed, 0).getString("Action"));
        assertEquals("relayed", recipient(parsed, 1).getString("Action"));
        assertEquals("smtp; 250 2.0.0 Ok: queued as 4F2", recipient(parsed, 1).getString("Diagnostic-Code"));
        assertEquals("text/rfc822-headers", part(parsed, 2).getString("content_type"));
    }

    @Test
    void orcptAndEnvidAreCarried() throws Exception {
        DsnRecipient r = bobUnknown().withOrcpt("rfc822;jdoe+2Blists@example.org",
                EmailAddress.parse("jdoe+lists@example.org"));
        byte[] dsn = composer.compose(QUEUE_ID, SENDER, ARRIVED, "QQ314159+2Bv2", null, List.of(r), original());

        JsonObject parsed = parseWellFormed(dsn);
        assertEquals("QQ314159+v2", part(parsed, 1).getJsonObject("per_message").getString("Original-Envelope-Id"));
        assertEquals("rfc822;jdoe+lists@example.org", recipient(parsed, 0).getString("Original-Recipient"));
        assertEquals("rfc822; bob@example.org", recipient(parsed, 0).getString("Final-Recipient"));
    }

    @Test
    void orcptAddressWithoutRawParameterIsTyped() throws Exception {
        DsnRecipient r = bobUnknown().withOrcpt(null, EmailAddress.parse("list@example.org"));
        byte[] dsn = composer.compose(QUEUE_ID, SENDER, ARRIVED, null, null, List.of(r), original());

        assertEquals("rfc822; list@example.org", recipient(parseWellFormed(dsn), 0).getString("Original-Recipient"));
    }

    @Test
    void retHdrsReturnsExactlyTheHeaderSection() throws Exception {
        byte[] dsn = composer.compose(QUEUE_ID, SENDER, ARRIVED, null, Ret.HDRS, List.of(bobUnknown()), original());

        JsonObject parsed = parseWellFormed(dsn);
        assertEquals("text/rfc822-headers", part(parsed, 2).getString("content_type"));
        assertEquals("Undelivered Message Headers",
                part(parsed, 2).getJsonObject("headers").getString("Content-Description"));
        assertArrayEquals(HEADERS.getBytes(StandardCharsets.US_ASCII), returnedPart(dsn));
        assertFalse(new String(dsn, StandardCharsets.US_ASCII).contains("See you at noon"));
    }

    @Test
    void retFullReturnsAnEightBitMessageByteForByte() throws Exception {
        byte[] body = "Gr\u00fc\u00dfe aus K\u00f6ln \u2014 caf\u00e9\r\n\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] headers = (HEADERS + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] message = new byte[headers.length + body.length];
        System.arraycopy(headers, 0, message, 0, headers.length);
        System.arraycopy(body, 0, message, headers.length, body.length);
        byte[] dsn = composer.compose(QUEUE_ID, SENDER, ARRIVED, null, Ret.FULL, List.of(bobUnknown()),
                original(message));

        JsonObject parsed = parseWellFormed(dsn);
        assertArrayEquals(message, returnedPart(dsn));
        JsonObject returned = part(parsed, 2);
        assertEquals("message/rfc822", returned.getString("content_type"));
        assertEquals("8bit", returned.getJsonObject("headers").getString("Content-Transfer-Encoding"));
        assertEquals("8bit", parsed.getJsonObject("headers").getString("Content-Transfer-Encoding"));
        assertEquals("lunch", returned.getJsonObject("inner_headers").getString("Subject"));
        assertEquals(hex(body), returned.getString("inner_body_hex"));
    }

    @Test
    void sevenBitMessageIsDeclaredSevenBit() throws Exception {
        byte[] dsn = composer.compose(QUEUE_ID, SENDER, ARRIVED, null, null, List.of(bobUnknown()), original());

        JsonObject parsed = parseWellFormed(dsn);
        assertEquals("7bit", parsed.getJsonObject("headers").getString("Content-Transfer-Encoding"));
        assertFalse(part(parsed, 2).getJsonObject("headers").containsKey("Content-Transfer-Encoding"));
        assertArrayEquals((HEADERS + "\r\n" + BODY).getBytes(StandardCharsets.US_ASCII), returnedPart(dsn));
    }

    @Test
    void diagnosticIsUnfoldedSanitizedAndFolded() throws Exception {
        StringBuilder words = new StringBuilder();
        while (words.length() < 2000) {
            words.append("word").append(words.length()).append(' ');
        }
        String longLine = words.toString().trim();
        String hostile = "550 5.1.1 nope\r\nX-Injected: yes\r\n\r\nFinal-Recipient: rfc822; evil@example.net\n\t"
                + longLine + "\u0000\u00e9";
        DsnRecipient r = DsnRecipient.failed(BOB, "5.1.1", hostile, "mx.example.org\r\nX-Host: evil", TRIED);
        byte[] dsn = composer.compose(QUEUE_ID, SENDER, ARRIVED, "id\r\nX-Env: 1", null, List.of(r), original());

        JsonObject parsed = parseWellFormed(dsn);
        assertEquals(1, part(parsed, 1).getJsonArray("recipients").size());
        JsonObject bob = recipient(parsed, 0);
        assertEquals("rfc822; bob@example.org", bob.getString("Final-Recipient"));
        assertFalse(bob.containsKey("X-Injected"));
        assertFalse(bob.containsKey("X-Host"));
        assertEquals("smtp; 550 5.1.1 nope X-Injected: yes Final-Recipient: rfc822; evil@example.net " + longLine
                + " ?", bob.getString("Diagnostic-Code"));
        assertEquals("dns; mx.example.org X-Host: evil", bob.getString("Remote-MTA"));
        assertEquals("id X-Env: 1", part(parsed, 1).getJsonObject("per_message").getString("Original-Envelope-Id"));
        String raw = new String(dsn, StandardCharsets.US_ASCII);
        assertFalse(raw.contains("\r\nX-Injected"));
        assertFalse(raw.contains("\r\nX-Host"));
        assertFalse(raw.contains("\r\nX-Env"));
        assertTrue(raw.contains("\r\nDiagnostic-Code: smtp; 550 5.1.1 nope X-Injected: yes Final-Recipient: rfc822;\r\n"
                + " evil@example.net word4 "), "folded at whitespace within 78 characters");
    }

    @Test
    void wordLongerThanALineIsSplitUnder998Octets() throws Exception {
        String token = "x".repeat(2000);
        DsnRecipient r = DsnRecipient.failed(BOB, "5.1.1", "550 5.1.1 " + token, null, null);
        byte[] dsn = composer.compose(QUEUE_ID, SENDER, ARRIVED, null, null, List.of(r), original());

        JsonObject parsed = parseWellFormed(dsn);
        String diagnostic = recipient(parsed, 0).getString("Diagnostic-Code");
        assertTrue(diagnostic.startsWith("smtp; 550 5.1.1 x"), diagnostic);
        assertEquals(token, diagnostic.substring("smtp; 550 5.1.1 ".length()).replace(" ", ""));
        assertTrue(part(parsed, 0).getString("text").replace("\r\n", "").replace(" ", "").contains(token));
    }

    @Test
    void internationalisedRecipientUsesTheUtf8AddressType() throws Exception {
        EmailAddress joerg = EmailAddress.parse("j\u00f6rg@example.org", true);
        DsnRecipient r = DsnRecipient.failed(joerg, "5.1.1", UNKNOWN, null, TRIED);
        byte[] dsn = composer.compose(QUEUE_ID, SENDER, ARRIVED, null, Ret.HDRS, List.of(r), original());

        JsonObject parsed = parseWellFormed(dsn);
        assertEquals("utf-8; j\\x{F6}rg@example.org", recipient(parsed, 0).getString("Final-Recipient"));
        assertTrue(part(parsed, 0).getString("text").contains("<j\u00f6rg@example.org>: delivery failed"));
    }

    @Test
    void boundaryThatOccursInTheOriginalIsNotUsed() throws Exception {
        ArrayDeque<String> candidates = new ArrayDeque<>(List.of("=_seen_in_body", "=_fresh"));
        DsnComposer picky = new DsnComposer(HOST, "MAILER-DAEMON@" + HOST, Clock.fixed(NOW, ZoneOffset.UTC),
                candidates::poll);
        byte[] message = (HEADERS + "\r\n--=_seen_in_body\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] dsn = picky.compose(QUEUE_ID, SENDER, ARRIVED, null, null, List.of(bobUnknown()), original(message));

        JsonObject parsed = parseWellFormed(dsn);
        assertTrue(parsed.getJsonObject("headers").getString("Content-Type").contains("boundary=\"=_fresh\""));
        assertArrayEquals(message, returnedPart(dsn));
    }

    @Test
    void randomBoundariesDiffer() throws Exception {
        DsnComposer real = new DsnComposer(HOST, "MAILER-DAEMON@" + HOST);
        byte[] first = real.compose(QUEUE_ID, SENDER, ARRIVED, null, null, List.of(bobUnknown()), original());
        byte[] second = real.compose(QUEUE_ID, SENDER, ARRIVED, null, null, List.of(bobUnknown()), original());

        JsonObject parsed = PythonEmailParser.parse(first);
        assertEquals("multipart/report", parsed.getString("content_type"));
        assertNotEquals(boundaryOf(first), boundaryOf(second));
    }

    @Test
    void nullSenderIsRejected() throws Exception {
        Path original = original();
        List<DsnRecipient> recipients = List.of(bobUnknown());
        assertThrows(IllegalArgumentException.class,
                () -> composer.compose(QUEUE_ID, null, ARRIVED, null, null, recipients, original));
    }

    @Test
    void noRecipientsIsRejected() throws Exception {
        Path original = original();
        assertThrows(IllegalArgumentException.class,
                () -> composer.compose(QUEUE_ID, SENDER, ARRIVED, null, null, List.of(), original));
    }

    @Test
    void statusMustBeAnRfc3463Code() {
        assertThrows(IllegalArgumentException.class, () -> DsnRecipient.failed(BOB, "550", null, null, null));
        assertThrows(IllegalArgumentException.class, () -> DsnRecipient.failed(BOB, "3.1.1", null, null, null));
    }

    @Test
    void notifySemantics() {
        // NOTIFY value -> wanted for FAILED, DELAYED, DELIVERED, RELAYED, EXPANDED
        Object[][] table = {
                {null, "FAILED DELAYED"},
                {"", "FAILED DELAYED"},
                {"NEVER", ""},
                {"SUCCESS", "DELIVERED RELAYED EXPANDED"},
                {"FAILURE", "FAILED"},
                {"DELAY", "DELAYED"},
                {"SUCCESS,FAILURE", "FAILED DELIVERED RELAYED EXPANDED"},
                {"success, failure ,delay", "FAILED DELAYED DELIVERED RELAYED EXPANDED"},
                {"NEVER,SUCCESS", ""},
                {"BOGUS", ""},};
        for (Object[] row : table) {
            List<String> wanted = List.of(((String) row[1]).split(" "));
            for (Action action : Action.values()) {
                assertEquals(wanted.contains(action.name()), DsnComposer.wants((String) row[0], action),
                        "NOTIFY=" + row[0] + " " + action);
            }
        }
    }

    @Test
    void retDefault() {
        assertEquals(Ret.FULL, DsnComposer.effectiveRet(null, Action.FAILED));
        assertEquals(Ret.HDRS, DsnComposer.effectiveRet(Ret.HDRS, Action.FAILED));
        assertEquals(Ret.HDRS, DsnComposer.effectiveRet(null, Action.DELAYED));
        assertEquals(Ret.HDRS, DsnComposer.effectiveRet(Ret.FULL, Action.DELIVERED));
    }

    private static String boundaryOf(byte[] dsn) {
        Matcher m = Pattern.compile("boundary=\"([^\"]+)\"").matcher(new String(dsn, StandardCharsets.US_ASCII));
        assertTrue(m.find());
        return m.group(1);
    }

    private static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(String.format("%02x", b & 0xff));
        }
        return out.toString();
    }
}
