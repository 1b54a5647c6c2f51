package dev.quire.lists.command;

import java.io.IOException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.lists.subscription.Channel;
import dev.quire.lists.subscription.SubscriptionService;
import dev.quire.mail.EmailAddress;
import dev.quire.mail.InvalidAddressException;

/** {@code subscribe [address]}, also {@code join}: asks to join the list, by the list's policy. */
@ApplicationScoped
public class Subscribe implements Command {
    @Inject
    SubscriptionService subscriptions;

    @Override
    public List<String> names() {
        return List.of("subscribe", "join");
    }

    @Override
    public String usage() {
        return "subscribe [address]";
    }

    @Override
    public String description() {
        return "join the list (another address than yours must confirm first); also \"join\"";
    }

    @Override
    public String execute(CommandContext context, List<String> args) throws IOException {
        EmailAddress address;
        try {
            address = AddressArgument.of(args, context.sender().address());
        } catch (InvalidAddressException e) {
            return "\"" + args.get(0) + "\" is not an email address: " + e.getMessage();
        }
        String name = address.equals(context.sender().address()) ? context.sender().displayName() : null;
        return subscriptions.subscribe(context.list(), address, name, Channel.EMAIL, context.sender().address()
                .toString()).message();
    }
}
