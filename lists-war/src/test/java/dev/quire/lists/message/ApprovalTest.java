package dev.quire.lists.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void encodedOrMultipartBodiesAndLaterLinesAreLeftAlone() {
        String qp = "Subject: x\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nApproved: pw\r\n";
        assertEquals(Optional.empty(), Approval.password(parse(qp)));
        String later = "Subject: x\r\n\r\nHello\r\nApproved: pw\r\n";
        MailMessage m = parse(later);
        assertEquals(Optional.empty(), Approval.password(m));
        Approval.strip(m);
        assertEquals(later, text(m));
    }
}
