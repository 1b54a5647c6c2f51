package dev.quire.lists.command;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.db.list.ListAddress;
import dev.quire.db.list.MailingList;

/** {@code help}: every command with what it does, and the list's other addresses. */
@ApplicationScoped
public class Help implements Command {
    @Inject
    CommandRegistry registry;

    @Override
    public List<String> names() {
        return List.of("help");
    }

    @Override
    public String usage() {
        return "help";
    }

    @Override
    public String description() {
        return "this text";
    }

    @Override
    public String execute(CommandContext context, List<String> args) {
        MailingList list = context.list();
        StringBuilder out = new StringBuilder("Commands for the ").append(list.displayName()).append(" list (")
                .append(list.postingAddress()).append("), one per line in the subject or body of a message to ")
                .append(list.address(ListAddress.Function.REQUEST)).append(":\n\n");
        for (Command c : registry.all()) {
            out.append(String.format("  %-24s %s%n", c.usage(), c.description()));
        }
        out.append(String.format("  %-24s %s%n", "end", "stop reading commands (a signature line \"--\" does too)"));
        out.append("\nOr send any message to ").append(list.address(ListAddress.Function.JOIN)).append(" to join, to ")
                .append(list.address(ListAddress.Function.LEAVE)).append(" to leave, and to ")
                .append(list.address(ListAddress.Function.OWNER)).append(" to reach the people who run the list.");
        return out.toString();
    }
}
