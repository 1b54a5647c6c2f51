package dev.quire.lists.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ApprovalTest {
    private static MailMessage parse(String s) {
        return MailMessage.parse(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String text(MailMessage m) {
        return new String(m.toBytes(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void headersComeFirstAndAreAllRemoved() {
        MailMessage m = parse("From: a@example.test\r\nX-Approve: one\r\nApproved: two\r\nSubject: x\r\n\r\n"
                + "Approved: three\r\nhi\r\n");
        assertEquals(Optional.of("two"), Approval.password(m));
        Approval.strip(m);
        assertEquals("From: a@example.test\r\nSubject: x\r\n\r\nhi\r\n", text(m));
    }

    @Test
    void theFirstNonBlankBodyLineIsRemovedAndTheRestKept() {
        MailMessage m = parse("Subject: x\r\n\r\n\r\n  approve:  pw with spaces \r\n\r\nDear all,\r\n");
        assertEquals(Optional.of("pw with spaces"), Approval.password(m));
        Approval.strip(m);
        assertEquals("Subject: x\r\n\r\n\r\n\r\nDear all,\r\n", text(m));
    }

    @Test
    void laterLinesAreLeftAlone() {
        String later = "Subject: x\r\n\r\nHello\r\nApproved: pw\r\n";
        MailMessage m = parse(later);
        assertEquals(Optional.empty(), Approval.password(m));
        Approval.strip(m);
        assertEquals(later, text(m));
    }

    @Test
    void aQuotedPrintableBodyIsDecodedToFindTheLineAndEncodedAgainWithoutIt() {
        MailMessage m = parse("Subject: x\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n\r\nApproved: s=C3=A9cret\r\n"
                + "Gr=C3=BC=C3=9Fe an alle\r\n");
        assertEquals(Optional.of("s\u00e9cret"), Approval.password(m));
        Approval.strip(m);
        String wire = text(m);
        assertFalse(wire.contains("Approved"), wire);
        assertTrue(wire.contains("Content-Transfer-Encoding: quoted-printable"), wire);
        assertEquals("Gr\u00fc\u00dfe an alle\n", BodyText.of(m.toBytes()), wire);
    }

    @Test
    void aBase64BodyIsDecodedToFindTheLineAndEncodedAgainWithoutIt() {
        String body = java.util.Base64.getMimeEncoder().encodeToString(
                "\r\nX-Approved: pw64\r\nThe rest.\r\n".getBytes(StandardCharsets.UTF_8));
        MailMessage m = parse("Subject: x\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + body + "\r\n");
        assertEquals(Optional.of("pw64"), Approval.password(m));
        Approval.strip(m);
        String wire = text(m);
        assertTrue(wire.contains("Content-Transfer-Encoding: base64"), wire);
        assertEquals("\nThe rest.\n", BodyText.of(m.toBytes()), wire);
    }

    @Test
    void inMultipartAlternativeTheFirstPlainPartHoldsTheLineAndTheHtmlPartLosesItToo() {
        MailMessage m = parse("Subject: x\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nApproved: alt-pw\r\nHello list\r\n"
                + "--b1\r\nContent-Type: text/html; charset=us-ascii\r\nContent-Transfer-Encoding: quoted-printable"
                + "\r\n\r\n<html><body><p>Approved: alt-pw</p><p>Hello list</p></body></html>\r\n"
                + "--b1--\r\n");
        assertEquals(Optional.of("alt-pw"), Approval.password(m));
        Approval.strip(m);
        String wire = text(m);
        assertFalse(wire.contains("alt-pw"), wire);
        assertTrue(wire.contains("Hello list\r\n--b1"), wire);
        assertTrue(wire.contains("<p></p><p>Hello list</p>"), wire);
        assertTrue(wire.contains("multipart/alternative"), wire);
    }

    @Test
    void anAttachedTextFileIsNotTheBody() {
        MailMessage m = parse("Subject: x\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b2\r\n\r\n"
                + "--b2\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=a.txt\r\n\r\n"
                + "Approved: not-this\r\n--b2--\r\n");
        assertEquals(Optional.empty(), Approval.password(m));
    }
}
