package dev.quire.lists.command;

import java.nio.charset.StandardCharsets;

import dev.quire.lists.TestWorld;
import dev.quire.lists.message.Sender;
import dev.quire.mail.EmailAddress;

/** A command's context as a message from an address would give it. */
final class CommandTesting {
    private CommandTesting() {
    }

    static CommandContext from(TestWorld w, String address) {
        return new CommandContext(w.list, new Sender(EmailAddress.parse(address), null), ("From: " + address
                + "\r\nSubject: commands\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    }
}
