package dev.quire.lists.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ModeratorDecisionTest {
    private static ModeratorDecision of(String message) {
        return ModeratorDecision.of(message.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aPlainReplyApproves() {
        assertEquals(new ModeratorDecision(true, null), of("""
                From: bob@example.test\r
                Subject: Re: confirm 0123\r
                \r
                > dave@remote.test asks to join the Demo list mailing list\r
                """));
    }

    @Test
    void rejectOnTheFirstWrittenLineRejectsWithTheRestAsReason() {
        assertEquals(new ModeratorDecision(false, "not a member of our club"), of("""
                From: bob@example.test\r
                Subject: Re: confirm 0123\r
                \r
                \r
                Reject: not a member of our club\r
                \r
                On Sat, bob wrote:\r
                > To reject, reply with "reject"\r
                """));
        assertEquals(new ModeratorDecision(false, null), of("Subject: x\r\n\r\ndeny\r\n"));
    }

    @Test
    void theWordMustComeFirstAndQuotedLinesDoNotCount() {
        assertEquals(new ModeratorDecision(true, null), of("Subject: x\r\n\r\n> reject\r\nfine by me, no reject\r\n"));
    }

    @Test
    void aQuotedPrintableHtmlOnlyReplyIsReadToo() {
        assertEquals(new ModeratorDecision(false, "spam"), of("""
                Subject: x\r
                MIME-Version: 1.0\r
                Content-Type: text/html; charset=utf-8\r
                Content-Transfer-Encoding: quoted-printable\r
                \r
                <html><body><p>reject spam</p><blockquote>dave asks =3D to join</blockquote></body></html>\r
                """));
    }
}
