package dev.quire.lists.command;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.quire.db.list.ListAddress;
import dev.quire.lists.message.MailMessage;

/** {@code list-leave@} and {@code list-unsubscribe@}: any message is a {@code leave} by its sender. */
@ApplicationScoped
public class LeaveAddress extends CommandAddress {
    @Override
    public Set<ListAddress.Function> functions() {
        return Set.of(ListAddress.Function.LEAVE, ListAddress.Function.UNSUBSCRIBE);
    }

    @Override
    protected CommandLines lines(MailMessage message, byte[] raw) {
        return new CommandLines(List.of("leave"), 0);
    }
}
