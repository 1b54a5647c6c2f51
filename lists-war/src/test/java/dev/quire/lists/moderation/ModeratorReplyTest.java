package dev.quire.lists.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.quire.lists.moderation.Decision.Verdict;
import dev.quire.mail.EmailAddress;

class ModeratorReplyTest {
    private static ModeratorReply reply(String text) throws Exception {
        return ModeratorReply.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theFirstUnquotedLineOfAPlainReply() throws Exception {
        ModeratorReply r = reply(
                "From: Bob <bob@example.test>\r\nSubject: Re: Demo list post from x requires approval\r\n"
                        + "\r\n\r\nreject Please post in English.\r\n\r\n> A post to demo@lists.example.test is held\r\n");
        assertEquals(Optional.of(EmailAddress.parse("bob@example.test")), r.from());
        assertEquals(Optional.of(Decision.reject("Please post in English.")), r.decision());
    }

    @Test
    void theTextPartOfAMultipartQuotedPrintableReply() throws Exception {
        ModeratorReply r = reply("From: bob@example.test\r\nSubject: Re: held\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/alternative; boundary=b\r\n\r\n--b\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                + "accept and =\r\nunmoderate\r\n--b\r\nContent-Type: text/html\r\n\r\n<p>discard</p>\r\n--b--\r\n");
        assertEquals(Optional.of(Decision.of(Verdict.ACCEPT_AND_UNMODERATE)), r.decision());
    }

    @Test
    void theSubjectWhenTheBodySaysNothing() throws Exception {
        assertEquals(Optional.of(Decision.of(Verdict.DISCARD)),
                reply("From: bob@example.test\r\nSubject: Re: RE: discard\r\n\r\nThanks!\r\n").decision());
        assertEquals(Optional.empty(), reply("From: bob@example.test\r\nSubject: Re: held\r\n\r\nok\r\n").decision());
    }
}
