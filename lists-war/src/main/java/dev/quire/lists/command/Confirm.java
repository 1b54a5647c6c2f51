package dev.quire.lists.command;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.lists.pending.Confirmations;
import dev.quire.lists.pending.Token;

/** {@code confirm TOKEN}: resumes the pending request the token was sent for (a subscription, a held post). */
@ApplicationScoped
public class Confirm implements Command {
    @Inject
    Confirmations confirmations;

    @Override
    public List<String> names() {
        return List.of("confirm");
    }

    @Override
    public String usage() {
        return "confirm TOKEN";
    }

    @Override
    public String description() {
        return "confirm a request with the token a message from the list sent you";
    }

    @Override
    public String execute(CommandContext context, List<String> args) throws IOException {
        Optional<Token> token = args.isEmpty() ? Optional.empty() : Token.parse(args.get(0));
        if (token.isEmpty()) {
            return "\"confirm\" needs the token from the message you received: confirm TOKEN";
        }
        return confirmations.confirm(context.list(), token.get(), context.sender().address(), context.raw())
                .orElse("The token " + token.get() + " is unknown or has expired (or was already used).");
    }
}
