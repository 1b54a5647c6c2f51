package dev.quire.lists.command;

import java.util.List;
import java.util.Optional;

import dev.quire.mail.EmailAddress;
import dev.quire.mail.InvalidAddressException;

/** The optional address argument of subscribe and unsubscribe: {@code x@y}, {@code <x@y>} or {@code address=x@y}. */
final class AddressArgument {
    private AddressArgument() {
    }

    /**
     * The address the command is for: the argument, else the sender.
     *
     * @throws InvalidAddressException when the argument is not an address
     */
    static EmailAddress of(List<String> args, EmailAddress sender) {
        Optional<String> given = args.stream().findFirst().map(a -> a.replaceFirst("(?i)^address=", ""))
                .map(a -> a.replaceAll("^<|>$", ""));
        return given.isEmpty() ? sender : EmailAddress.parse(given.get());
    }
}
