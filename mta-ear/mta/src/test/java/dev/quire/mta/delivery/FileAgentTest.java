package dev.quire.mta.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quire.mail.EmailAddress;
import dev.quire.mta.spool.MessageBody;

class FileAgentTest {
    @TempDir
    Path dir;

    @Test
    void appendsMboxEntriesWithFromQuoting() throws Exception {
        Path m = Files.writeString(dir.resolve("m.eml"), "Subject: x\r\n\r\nFrom here on\r\n>From quoted\r\nend\r\n");
        Path box = dir.resolve("archive.mbox");
        FileAgent agent = new FileAgent();
        assertEquals(Outcome.Status.DELIVERED,
                agent.deliver(box, MessageBody.of(m), EmailAddress.parse("a@example.test")).status());
        assertEquals(Outcome.Status.DELIVERED, agent.deliver(box, MessageBody.of(m), null).status());
        String mbox = Files.readString(box);
        assertTrue(mbox.startsWith("From a@example.test "), mbox);
        assertTrue(mbox.contains("\nSubject: x\n\n>From here on\n>>From quoted\nend\n\nFrom MAILER-DAEMON "), mbox);
        assertEquals(2, mbox.lines().filter(l -> l.startsWith("From ")).count());
    }

    @Test
    void relativePathsAreRefused() throws Exception {
        Path m = Files.writeString(dir.resolve("m.eml"), "x\r\n");
        assertEquals(Outcome.Status.FAILED,
                new FileAgent().deliver(Path.of("relative.mbox"), MessageBody.of(m), null).status());
    }
}
