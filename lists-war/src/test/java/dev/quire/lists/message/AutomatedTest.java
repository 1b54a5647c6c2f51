package dev.quire.lists.message;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.quire.mail.EmailAddress;

class AutomatedTest {
    private static boolean automated(String headers, String sender) {
        MailMessage m = MailMessage.parse((headers + "Subject: x\r\n\r\nhi\r\n").getBytes(StandardCharsets.US_ASCII));
        return Automated.looksAutomated(m, sender == null ? null : EmailAddress.parse(sender));
    }

    @Test
    void aPersonsMailIsAnswered() {
        assertFalse(automated("From: bob@example.test\r\nAuto-Submitted: no\r\n", "bob@example.test"));
    }

    @Test
    void machinesAreNot() {
        assertTrue(automated("From: bob@example.test\r\n", null));
        assertTrue(automated("Auto-Submitted: auto-replied\r\n", "bob@example.test"));
        assertTrue(automated("Precedence: bulk\r\n", "bob@example.test"));
        assertTrue(automated("List-Id: <news.example.org>\r\n", "bob@example.test"));
        assertTrue(automated("", "MAILER-DAEMON@example.test"));
        assertTrue(automated("", "news-bounces+bob=example.test@example.org"));
    }
}
