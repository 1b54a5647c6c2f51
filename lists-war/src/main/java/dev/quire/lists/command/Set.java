package dev.quire.lists.command;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.db.list.Member;
import dev.quire.lists.subscription.MemberOption;
import dev.quire.lists.subscription.Memberships;

/**
 * {@code set [option value]}: the sender's delivery options (delivery, digest, ack, notmetoo, hide);
 * {@code set} alone shows them all.
 */
@ApplicationScoped
public class Set implements Command {
    @Inject
    Memberships memberships;

    @Override
    public List<String> names() {
        return List.of("set");
    }

    @Override
    public String usage() {
        return "set [OPTION VALUE]";
    }

    @Override
    public String description() {
        return "show your options, or set one: " + Arrays.stream(MemberOption.values())
                .map(o -> o.keyword() + " " + o.accepted())
                .collect(Collectors.joining(", "));
    }

    @Override
    public String execute(CommandContext context, List<String> args) {
        Optional<Member> member = memberships.member(context.list(), context.sender().address());
        if (member.isEmpty()) {
            return context.sender().address() + " is not a member of " + context.list().postingAddress() + ".";
        }
        if (args.isEmpty()) {
            return "Your options on " + context.list().postingAddress() + ":\n" + Arrays.stream(MemberOption.values())
                    .map(o -> "  " + o.keyword() + " " + o.show(member.get()))
                    .collect(Collectors.joining("\n"));
        }
        Optional<MemberOption> option = MemberOption.named(args.get(0));
        if (option.isEmpty() || args.size() != 2) {
            return "Usage: " + usage() + ", where OPTION VALUE is one of: " + Arrays.stream(MemberOption.values())
                    .map(o -> o.keyword() + " " + o.accepted())
                    .collect(Collectors.joining(", "));
        }
        try {
            return memberships.set(context.list(), context.sender().address(), option.get(), args.get(1), context
                    .sender().address().toString())
                    .map(v -> option.get().keyword() + " is now " + v + ".")
                    .orElse(context.sender().address() + " is not a member of " + context.list().postingAddress()
                            + ".");
        } catch (IllegalArgumentException e) {
            return e.getMessage() + "; nothing was changed.";
        }
    }
}
