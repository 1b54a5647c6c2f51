package dev.quire.lists.bounce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quire.db.list.BounceMethod;
import dev.quire.mail.EmailAddress;

/** Real bounces made by Postfix 3.7 and Exim 4.96 from Debian (see bounces/README.md), recognized. */
class BounceRecognizerTest {
    static byte[] fixture(String name) throws IOException {
        try (InputStream in = BounceRecognizerTest.class.getResourceAsStream("/bounces/" + name)) {
            return in.readAllBytes();
        }
    }

    private static BounceReport only(List<BounceReport> reports) {
        assertEquals(1, reports.size(), reports.toString());
        return reports.get(0);
    }

    @Test
    void postfixRemoteRejectionByVerpNamesTheMemberAndIsPermanent() throws IOException {
        BounceReport r = only(
                BounceRecognizer.recognize("carol=remote.test", fixture("postfix-remote-rejected-verp.eml")));
        assertEquals(EmailAddress.parse("carol@remote.test"), r.address());
        assertEquals(BounceMethod.VERP, r.method());
        assertTrue(r.permanent());
        assertEquals("5.3.0", r.status());
        assertEquals("500 5.3.0 Error: command failed", r.diagnostic());
    }

    @Test
    void postfixUnknownUserWithoutVerpIsReadFromTheDsn() throws IOException {
        BounceReport r = only(BounceRecognizer.recognize("", fixture("postfix-unknown-user-verp.eml")));
        assertEquals(EmailAddress.parse("nosuch@mx.bounce-lab.test"), r.address());
        assertEquals(BounceMethod.DSN, r.method());
        assertTrue(r.permanent());
        assertEquals("5.1.1", r.status());
        assertEquals("unknown user: \"nosuch\"", r.diagnostic());
    }

    @Test
    void postfixDelayWarningIsTransient() throws IOException {
        BounceReport r = only(BounceRecognizer.recognize("", fixture("postfix-delayed.eml")));
        assertEquals(EmailAddress.parse("dave@slow.test"), r.address());
        assertEquals(BounceMethod.DSN, r.method());
        assertEquals(false, r.permanent());
        assertEquals("4.3.0", r.status());
    }

    @Test
    void eximRemoteRejectionByVerpAndByDsn() throws IOException {
        BounceReport verp = only(
                BounceRecognizer.recognize("carol=remote.test", fixture("exim-remote-rejected-verp.eml")));
        assertEquals(EmailAddress.parse("carol@remote.test"), verp.address());
        assertEquals(BounceMethod.VERP, verp.method());
        assertTrue(verp.permanent());
        assertEquals("5.0.0", verp.status());

        BounceReport plain = only(BounceRecognizer.recognize("", fixture("exim-remote-rejected-plain.eml")));
        assertEquals(EmailAddress.parse("erin@remote.test"), plain.address());
        assertEquals(BounceMethod.DSN, plain.method());
        assertTrue(plain.permanent());
        assertEquals("500 5.3.0 Error: command failed", plain.diagnostic());
    }

    @Test
    void eximUnrouteableAddress() throws IOException {
        BounceReport r = only(BounceRecognizer.recognize("", fixture("exim-unrouteable-verp.eml")));
        assertEquals(EmailAddress.parse("nosuch@exim-lab.test"), r.address());
        assertTrue(r.permanent());
        assertEquals("5.0.0", r.status());
    }

    /** The notification text alone, as when a relay strips the delivery-status part. */
    private static byte[] textOnly(String fixture) throws Exception {
        var message = BounceRecognizer.parse(fixture(fixture));
        String text = PlainTextBounce.text(message);
        return ("From: MAILER-DAEMON@example.test\r\nSubject: bounce\r\n\r\n" + text).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theHumanReadablePartsOfPostfixAndEximBouncesAreRecognizedWithoutTheDsn() throws Exception {
        BounceReport postfix = only(BounceRecognizer.recognize("", textOnly("postfix-unknown-user-verp.eml")));
        assertEquals(EmailAddress.parse("nosuch@mx.bounce-lab.test"), postfix.address());
        assertEquals(BounceMethod.HEURISTIC, postfix.method());
        assertTrue(postfix.permanent());
        assertEquals("unknown user: \"nosuch\"", postfix.diagnostic());

        BounceReport remote = only(BounceRecognizer.recognize("", textOnly("postfix-remote-rejected-verp.eml")));
        assertEquals("5.3.0", remote.status());
        assertEquals("host 127.0.0.1[127.0.0.1] said: 500 5.3.0 Error: command failed (in reply to RCPT TO command)",
                remote.diagnostic());

        BounceReport delayed = only(BounceRecognizer.recognize("", textOnly("postfix-delayed.eml")));
        assertEquals(false, delayed.permanent());

        BounceReport exim = only(BounceRecognizer.recognize("", textOnly("exim-remote-rejected-plain.eml")));
        assertEquals(EmailAddress.parse("erin@remote.test"), exim.address());
        assertTrue(exim.permanent());
        assertEquals("5.3.0", exim.status());

        BounceReport unrouteable = only(BounceRecognizer.recognize("", textOnly("exim-unrouteable-verp.eml")));
        assertEquals(EmailAddress.parse("nosuch@exim-lab.test"), unrouteable.address());
        assertEquals("Unrouteable address", unrouteable.diagnostic());
    }

    @Test
    void qmailAndSendmailStyleTexts() throws IOException {
        BounceReport qmail = only(BounceRecognizer.recognize("", fixture("qmail-style.eml")));
        assertEquals(EmailAddress.parse("frank@qmail.test"), qmail.address());
        assertTrue(qmail.permanent());
        assertEquals("5.1.1", qmail.status());

        BounceReport sendmail = only(BounceRecognizer.recognize("", fixture("sendmail-style.eml")));
        assertEquals(EmailAddress.parse("gina@sendmail.test"), sendmail.address());
        assertTrue(sendmail.permanent());
    }

    @Test
    void anAutoReplyIsNotABounceUnlessItsVerpAddressSaysSo() {
        byte[] vacation = "From: carol@remote.test\r\nSubject: Out of office\r\n\r\nI am away until Monday.\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        assertEquals(List.of(), BounceRecognizer.recognize("", vacation));
        BounceReport r = only(BounceRecognizer.recognize("carol=remote.test", vacation));
        assertEquals(EmailAddress.parse("carol@remote.test"), r.address());
        assertEquals(BounceMethod.VERP, r.method());
    }

    @Test
    void garbageNeverThrows() {
        byte[] junk = "Content-Type: multipart/report; boundary=\"x\"\r\n\r\n--x\r\nContent-Type: message/delivery-status\r\n\r\nFinal-Recipient: rfc822; not an address\r\nAction: failed\r\n--x--"
                .getBytes(StandardCharsets.US_ASCII);
        assertEquals(List.of(), BounceRecognizer.recognize("", junk));
        assertEquals(List.of(), BounceRecognizer.recognize("no-equals-sign", new byte[]{0, 1, 2}));
    }
}
