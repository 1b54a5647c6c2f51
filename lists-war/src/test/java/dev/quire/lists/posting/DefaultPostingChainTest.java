package dev.quire.lists.posting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.quire.db.list.Action;
import dev.quire.db.list.Ban;
import dev.quire.db.list.HeaderMatch;
import dev.quire.db.user.PasswordHash;
import dev.quire.lists.ListFixtures;
import dev.quire.lists.rules.TestRules;
import dev.quire.mail.EmailAddress;

/** The chain's table over rules with in-memory repositories: order, terminal actions, reasons collected. */
class DefaultPostingChainTest {
    private final Map<String, Action> members = new HashMap<>(Map.of("alice@example.test", Action.DEFER));
    private final List<Ban> bans = List.of(new Ban(null, "troll@remote.test"));
    private final List<HeaderMatch> headerMatches = List.of(
            new HeaderMatch(ListFixtures.demo(), 1, "X-Spam-Flag", "yes", Action.DISCARD),
            new HeaderMatch(ListFixtures.demo(), 2, "X-Spam-Level", "\\*{5}", Action.HOLD));

    private DefaultPostingChain chain() {
        return TestRules.chain(members, bans, headerMatches, Set.of("<old@example.test>"));
    }

    private static Post post(String sender, String text) {
        return new Post(ListFixtures.demo(), EmailAddress.parse(sender), ListFixtures.message(text));
    }

    private static String from(String sender, String extra) {
        return "From: " + sender
                + "\r\nTo: demo@lists.example.test\r\nSubject: agenda\r\nMessage-ID: <new@example.test>\r\n"
                + extra + "\r\nSee you at ten.\r\n";
    }

    @Test
    void theTableReadsInMailmansOrder() {
        assertEquals(List.of("approved -> accept", "emergency -> defer", "loop -> discard", "banned-address -> reject",
                "member-moderation -> chosen", "header-match -> chosen", "nonmember-moderation -> chosen",
                "administrivia -> defer", "implicit-destination -> defer", "max-recipients -> defer",
                "max-size -> defer", "no-subject -> defer", "suspicious-header -> defer", "any -> hold",
                "truth -> accept"), chain().links().stream().map(Object::toString).toList());
    }

    @Test
    void aPlainMemberPostIsAcceptedWithoutReasons() {
        Post post = post("alice@example.test", from("alice@example.test", ""));
        assertEquals(Action.ACCEPT, chain().decide(post));
        assertTrue(post.reasons().isEmpty());
    }

    @Test
    void everyReasonIsCollectedBeforeTheHold() {
        Post post = post("mallory@remote.test", "From: mallory@remote.test\r\nTo: someone@example.test\r\n"
                + "X-Spam-Level: ******\r\n\r\nunsubscribe\r\n");
        assertEquals(Action.HOLD, chain().decide(post));
        assertEquals(List.of("header-match: the X-Spam-Level header matches \\*{5} (hold)",
                "nonmember-moderation: the message is not from a list member (mallory@remote.test)",
                "administrivia: the body looks like a command: unsubscribe",
                "implicit-destination: the list's address demo@lists.example.test is not in To or Cc",
                "no-subject: the message has no subject"), post.reasons());
    }

    @Test
    void aHoldingNonmemberDefaultStillCollectsTheOtherReasons() {
        Post post = post("mallory@remote.test",
                "From: mallory@remote.test\r\nTo: demo@lists.example.test\r\n\r\nhi\r\n");
        assertEquals(Action.HOLD, chain().decide(post));
        assertEquals(List.of("nonmember-moderation: the message is not from a list member (mallory@remote.test)",
                "no-subject: the message has no subject"), post.reasons());
    }

    @Test
    void emergencyHoldsEvenAMembersPostAndSaysWhy() {
        Post post = post("alice@example.test", from("alice@example.test", ""));
        post.list().posting().setEmergency(true);
        assertEquals(Action.HOLD, chain().decide(post));
        assertEquals(List.of("emergency: the list is under emergency moderation: every post is held"), post.reasons());
    }

    @Test
    void loopsAreDiscardedBannedSendersRejected() {
        assertEquals(Action.DISCARD, chain().decide(post("alice@example.test",
                from("alice@example.test", "List-Id: Demo list <demo.lists.example.test>\r\n"))));
        assertEquals(Action.DISCARD, chain().decide(post("alice@example.test",
                "From: alice@example.test\r\nMessage-ID: <old@example.test>\r\nSubject: again\r\n\r\nhi\r\n")));
        assertEquals(Action.REJECT, chain().decide(post("troll@remote.test", from("troll@remote.test", ""))));
    }

    @Test
    void chosenActionsOtherThanHoldEndTheTable() {
        assertEquals(Action.DISCARD, chain().decide(post("mallory@remote.test",
                from("mallory@remote.test", "X-Spam-Flag: YES\r\n"))));
        members.put("bob@example.test", Action.REJECT);
        assertEquals(Action.REJECT, chain().decide(post("bob@example.test", from("bob@example.test", ""))));
        members.put("carol@remote.test", Action.ACCEPT);
        Post noSubject = post("carol@remote.test", "From: carol@remote.test\r\n\r\nhi\r\n");
        assertEquals(Action.ACCEPT, chain().decide(noSubject), "a member whose posts are accepted skips the checks");
    }

    @Test
    void theModeratorPasswordAcceptsANonMembersPostThatWouldBeHeld() {
        Post post = post("mallory@remote.test", "From: mallory@remote.test\r\nApproved: s3cret\r\n\r\nhi\r\n");
        post.list().posting().setModeratorPasswordHash(PasswordHash.create("s3cret".toCharArray()));
        assertEquals(Action.ACCEPT, chain().decide(post));
    }
}
