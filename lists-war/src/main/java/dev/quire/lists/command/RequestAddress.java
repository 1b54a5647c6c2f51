package dev.quire.lists.command;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.quire.db.list.ListAddress;
import dev.quire.lists.message.MailMessage;

/** {@code list-request@}: the commands in a message's subject and body. */
@ApplicationScoped
public class RequestAddress extends CommandAddress {
    @Override
    public Set<ListAddress.Function> functions() {
        return Set.of(ListAddress.Function.REQUEST);
    }

    @Override
    protected CommandLines lines(MailMessage message, byte[] raw) {
        return CommandLines.of(message, raw, processor::isCommand);
    }
}
