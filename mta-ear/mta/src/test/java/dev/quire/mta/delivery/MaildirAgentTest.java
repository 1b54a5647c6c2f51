package dev.quire.mta.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quire.mail.EmailAddress;
import dev.quire.mta.spool.Envelope;
import dev.quire.mta.spool.QueueId;
import dev.quire.mta.spool.Recipient;
import dev.quire.mta.spool.MessageBody;

class MaildirAgentTest {
    @TempDir
    Path dir;

    @Test
    void deliversIntoNewWithAStandardNameMode0600AndTraceHeaders() throws Exception {
        Path message = dir.resolve("m.eml");
        Files.writeString(message, "Subject: x\r\n\r\nhello\r\n");
        EmailAddress alice = EmailAddress.parse("Alice@Example.test");
        Envelope env = Envelope.accepted(QueueId.next(), EmailAddress.parse("list-bounces@lists.test"),
                List.of(Recipient.to(alice)));
        MaildirAgent agent = new MaildirAgent(dir.resolve("mail"), "mx.example.test");

        Map<EmailAddress, Outcome> out = agent.deliver(env, MessageBody.of(message), List.of(alice));

        assertEquals(Outcome.Status.DELIVERED, out.get(alice).status());
        Path maildir = dir.resolve("mail/example.test/alice");
        assertTrue(Files.isDirectory(maildir.resolve("cur")));
        assertEquals(0, Files.list(maildir.resolve("tmp")).count());
        List<Path> files = Files.list(maildir.resolve("new")).toList();
        assertEquals(1, files.size());
        String name = files.get(0).getFileName().toString();
        assertTrue(name.matches("\\d+\\.M\\d+P\\d+Q\\d+\\.mx\\.example\\.test,S=\\d+"), name);
        String content = Files.readString(files.get(0), StandardCharsets.UTF_8);
        assertTrue(
                content.startsWith("Return-Path: <list-bounces@lists.test>\r\nDelivered-To: Alice@example.test\r\n"));
        assertTrue(content.endsWith("Subject: x\r\n\r\nhello\r\n"));
        assertEquals(Files.size(files.get(0)), Long.parseLong(name.substring(name.indexOf(",S=") + 3)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(files.get(0))));
    }

    @Test
    void refusesNamesThatCouldLeaveTheMailDirectory() throws Exception {
        Path message = dir.resolve("m.eml");
        Files.writeString(message, "x\r\n");
        EmailAddress odd = EmailAddress.parse("\"../x\"@example.test");
        Envelope env = Envelope.accepted(QueueId.next(), null, List.of(Recipient.to(odd)));
        Outcome o = new MaildirAgent(dir.resolve("mail"), "h").deliver(env, MessageBody.of(message), List.of(odd))
                .get(odd);
        assertEquals(Outcome.Status.FAILED, o.status());
        assertTrue(Files.notExists(dir.resolve("x")));
    }

    @Test
    void theLayoutPlacesEachMaildirAndRefusesPathsThatEscape() {
        Path root = dir.resolve("mail");
        EmailAddress bob = EmailAddress.parse("Bob@Example.TEST");
        assertEquals(root.resolve("example.test/bob"), new MaildirAgent(root, "h").maildir(bob));
        assertEquals(root.resolve("example.test/bob/Maildir"),
                new MaildirAgent(root, "h", "%d/%u/Maildir").maildir(bob));
        assertEquals(root.resolve("bob@example.test"), new MaildirAgent(root, "h", "%a").maildir(bob));
        assertEquals(root.resolve("users/100%/bob"), new MaildirAgent(root, "h", "users/100%%/%u").maildir(bob));
        for (String bad : new String[]{"/var/mail/%u", "../%u", "%d/../%u", "%x", "shared", "%u//x", ""}) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> new MaildirAgent(root, "h", bad), bad);
        }
    }
}
