package dev.quire.lists.command;

import java.io.IOException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.lists.subscription.Channel;
import dev.quire.lists.subscription.SubscriptionService;
import dev.quire.mail.EmailAddress;
import dev.quire.mail.InvalidAddressException;

/** {@code unsubscribe [address]}, also {@code leave}: asks to leave the list, by the list's policy. */
@ApplicationScoped
public class Unsubscribe implements Command {
    @Inject
    SubscriptionService subscriptions;

    @Override
    public List<String> names() {
        return List.of("unsubscribe", "leave");
    }

    @Override
    public String usage() {
        return "unsubscribe [address]";
    }

    @Override
    public String description() {
        return "leave the list (another address than yours must confirm first); also \"leave\"";
    }

    @Override
    public String execute(CommandContext context, List<String> args) throws IOException {
        EmailAddress address;
        try {
            address = AddressArgument.of(args, context.sender().address());
        } catch (InvalidAddressException e) {
            return "\"" + args.get(0) + "\" is not an email address: " + e.getMessage();
        }
        return subscriptions.unsubscribe(context.list(), address, Channel.EMAIL, context.sender().address()
                .toString()).message();
    }
}
