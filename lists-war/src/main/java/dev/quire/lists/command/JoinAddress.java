package dev.quire.lists.command;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.quire.db.list.ListAddress;
import dev.quire.lists.message.MailMessage;

/** {@code list-join@} and {@code list-subscribe@}: any message is a {@code join} by its sender. */
@ApplicationScoped
public class JoinAddress extends CommandAddress {
    @Override
    public Set<ListAddress.Function> functions() {
        return Set.of(ListAddress.Function.JOIN, ListAddress.Function.SUBSCRIBE);
    }

    @Override
    protected CommandLines lines(MailMessage message, byte[] raw) {
        return new CommandLines(List.of("join"), 0);
    }
}
