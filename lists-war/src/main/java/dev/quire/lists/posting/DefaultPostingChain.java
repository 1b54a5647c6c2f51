package dev.quire.lists.posting;

import dev.quire.db.list.Action;
import java.util.List;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import dev.quire.lists.rules.Any;
import dev.quire.lists.rules.Loop;
import dev.quire.lists.rules.NonmemberModeration;
import dev.quire.lists.rules.Rule;
import dev.quire.lists.rules.Truth;

/**
 * The posting policy as one ordered table of (rule, action), Mailman's order. Rules that only collect
 * reasons defer; {@code any -> hold} stops at the first reason-bearing post so a moderator sees every
 * reason at once, and {@code truth -> accept} ends it.
 */
@Dependent
public class DefaultPostingChain {
    /** One row of the table. */
    public record Link(Rule rule, Action action) {
    }

    private final List<Link> links;

    @Inject
    public DefaultPostingChain(Loop loop, NonmemberModeration nonmember) {
        this.links = List.of(
                new Link(loop, Action.DISCARD),
                new Link(nonmember, Action.DEFER),
                new Link(new Any(), Action.HOLD),
                new Link(new Truth(), Action.ACCEPT));
    }

    /** Runs the table and returns the first terminal action. */
    public Action decide(Post post) {
        for (Link link : links) {
            if (link.rule().matches(post) && link.action() != Action.DEFER) {
                return link.action();
            }
        }
        throw new IllegalStateException("the chain ends with truth -> accept");
    }

    public List<Link> links() {
        return links;
    }
}
