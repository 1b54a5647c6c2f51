package dev.quire.lists.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.quire.lists.message.MailMessage;

class CommandLinesTest {
    private static final java.util.Set<String> COMMANDS = Set.of("subscribe", "join", "confirm", "help", "who", "set");

    private static CommandLines read(String message) {
        byte[] raw = message.getBytes(StandardCharsets.UTF_8);
        return CommandLines.of(MailMessage.parse(raw), raw, COMMANDS::contains);
    }

    @Test
    void theSubjectCountsWhenItIsACommandAndTheBodyUntilEnd() {
        CommandLines l = read(
                "Subject: Re: AW: confirm 0123abc\r\n\r\nset digest mime\r\n\r\n  who  \r\nend\r\nhelp\r\n");
        assertEquals(List.of("confirm 0123abc", "set digest mime", "who"), l.lines());
        assertEquals(0, l.ignored());
    }

    @Test
    void aSubjectThatIsNoCommandIsNotRead() {
        assertEquals(List.of("help"), read("Subject: Hi there\r\n\r\nhelp\r\n").lines());
    }

    @Test
    void quotedLinesAreSkippedAndSignaturesOrQuotedRepliesStop() {
        assertEquals(List.of("who"), read("Subject: x\r\n\r\n> subscribe\r\nwho\r\n-- \r\nAlice\r\nhelp\r\n").lines());
        assertEquals(List.of("help"), read("Subject: x\r\n\r\nhelp\r\nOn Sat, 21 Nov 2026, list wrote:\r\nwho\r\n")
                .lines());
    }

    @Test
    void theSubjectsCommandRepeatedInTheBodyRunsOnce() {
        assertEquals(List.of("confirm abc"), read("Subject: Re: confirm abc\r\n\r\nconfirm abc\r\n").lines());
    }

    @Test
    void atMostTenLinesAreReadAndTheRestCounted() {
        String body = "help\r\n".repeat(12);
        CommandLines l = read("Subject: x\r\n\r\n" + body);
        assertEquals(10, l.lines().size());
        assertEquals(2, l.ignored());
    }

    @Test
    void theTextPartOfAMultipartMessageInItsCharsetIsRead() {
        CommandLines l = read("""
                Subject: =?utf-8?q?Gr=C3=BC=C3=9Fe?=\r
                MIME-Version: 1.0\r
                Content-Type: multipart/alternative; boundary=b\r
                \r
                --b\r
                Content-Type: text/plain; charset=iso-8859-1\r
                Content-Transfer-Encoding: quoted-printable\r
                \r
                set digest plain\r
                Gr=FC=DFe\r
                --b\r
                Content-Type: text/html\r
                \r
                <p>who</p>\r
                --b--\r
                """);
        assertEquals(List.of("set digest plain", "Grüße"), l.lines());
    }
}
