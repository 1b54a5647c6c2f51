package dev.quire.lists.command;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.db.list.MailingList;
import dev.quire.db.list.Member;
import dev.quire.db.list.MemberRepository;
import dev.quire.db.list.MemberRole;
import dev.quire.mail.EmailAddress;

/**
 * {@code who}: the members, when the list shows its roster to the sender (anyone, members, or only owners
 * and moderators). Members who hide their address are left out, except for owners and moderators.
 */
@ApplicationScoped
public class Who implements Command {
    @Inject
    MemberRepository members;

    @Override
    public List<String> names() {
        return List.of("who");
    }

    @Override
    public String usage() {
        return "who";
    }

    @Override
    public String description() {
        return "the list's members, if the list shows them to you";
    }

    @Override
    public String execute(CommandContext context, List<String> args) {
        MailingList list = context.list();
        EmailAddress sender = context.sender().address();
        boolean staff = members.isStaff(list, sender);
        boolean allowed = switch (list.subscriptions().rosterVisibility()) {
            case PUBLIC -> true;
            case MEMBERS -> staff || members.find(list, sender, MemberRole.MEMBER).isPresent();
            case MODERATORS -> staff;
        };
        if (!allowed) {
            return "The member list of " + list.postingAddress() + " is not shown to " + sender + ".";
        }
        List<Member> all = members.roster(list, MemberRole.MEMBER);
        List<Member> shown = all.stream().filter(m -> staff || !m.hideAddress()).toList();
        StringBuilder out = new StringBuilder("Members of ").append(list.postingAddress()).append(" (")
                .append(all.size()).append("):\n");
        for (Member m : shown) {
            out.append("  ").append(m.address());
            if (m.displayName() != null && !m.displayName().isBlank()) {
                out.append(" (").append(m.displayName()).append(')');
            }
            out.append('\n');
        }
        if (shown.size() < all.size()) {
            out.append("  and ").append(all.size() - shown.size()).append(" who hide their address\n");
        }
        return out.toString();
    }
}
