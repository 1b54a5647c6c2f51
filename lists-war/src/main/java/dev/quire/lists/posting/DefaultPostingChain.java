package dev.quire.lists.posting;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import dev.quire.db.list.Action;
import dev.quire.lists.rules.Administrivia;
import dev.quire.lists.rules.Any;
import dev.quire.lists.rules.Approved;
import dev.quire.lists.rules.BannedAddress;
import dev.quire.lists.rules.Emergency;
import dev.quire.lists.rules.HeaderMatch;
import dev.quire.lists.rules.ImplicitDestination;
import dev.quire.lists.rules.Loop;
import dev.quire.lists.rules.MaxRecipients;
import dev.quire.lists.rules.MaxSize;
import dev.quire.lists.rules.MemberModeration;
import dev.quire.lists.rules.NoSubject;
import dev.quire.lists.rules.NonmemberModeration;
import dev.quire.lists.rules.Rule;
import dev.quire.lists.rules.SuspiciousHeader;
import dev.quire.lists.rules.Truth;

/**
 * The posting policy as one ordered table of (rule, action), Mailman's order. A {@code defer} row only
 * collects its rule's reason; a row marked {@link Link#chosen chosen} acts as its rule chose from the
 * list's settings, where a chosen hold also only collects. So {@code any -> hold} holds a post once,
 * with every reason at once, and {@code truth -> accept} ends the table.
 */
@Dependent
public class DefaultPostingChain {
    /** One row of the table: a fixed action, or null when the rule chooses. */
    public record Link(Rule rule, Action action) {
        static Link of(Rule rule, Action action) {
            return new Link(rule, action);
        }

        /** A row whose action the rule chooses from the list's settings. */
        static Link chosen(Rule rule) {
            return new Link(rule, null);
        }

        /** The row as the docs write it: {@code loop -> discard}, {@code member-moderation -> chosen}. */
        @Override
        public String toString() {
            return rule.name() + " -> " + (action == null ? "chosen" : action.name().toLowerCase(Locale.ROOT));
        }
    }

    private final List<Link> links;

    @Inject
    public DefaultPostingChain(Approved approved, Emergency emergency, Loop loop, BannedAddress banned,
            MemberModeration member, HeaderMatch headers, NonmemberModeration nonmember,
            Administrivia administrivia, ImplicitDestination implicit, MaxRecipients recipients, MaxSize size,
            NoSubject noSubject, SuspiciousHeader suspicious) {
        this.links = List.of(
                Link.of(approved, Action.ACCEPT),
                Link.of(emergency, Action.DEFER),
                Link.of(loop, Action.DISCARD),
                Link.of(banned, Action.REJECT),
                Link.chosen(member),
                Link.chosen(headers),
                Link.chosen(nonmember),
                Link.of(administrivia, Action.DEFER),
                Link.of(implicit, Action.DEFER),
                Link.of(recipients, Action.DEFER),
                Link.of(size, Action.DEFER),
                Link.of(noSubject, Action.DEFER),
                Link.of(suspicious, Action.DEFER),
                Link.of(new Any(), Action.HOLD),
                Link.of(new Truth(), Action.ACCEPT));
    }

    /** Runs the table and returns the first action that ends it: accept, hold, reject or discard. */
    public Action decide(Post post) {
        for (Link link : links) {
            if (!link.rule().matches(post)) {
                continue;
            }
            Action action = link.action() != null
                    ? link.action()
                    : post.chosen(link.rule().name()).orElse(Action.HOLD);
            boolean collects = action == Action.DEFER || (link.action() == null && action == Action.HOLD);
            if (!collects) {
                return action;
            }
        }
        throw new IllegalStateException("the chain ends with truth -> accept");
    }

    public List<Link> links() {
        return links;
    }
}
