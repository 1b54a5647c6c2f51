package dev.quire.lists.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.quire.db.list.Action;
import dev.quire.db.list.Ban;
import dev.quire.db.list.BanRepository;
import dev.quire.db.list.HeaderMatchRepository;
import dev.quire.db.list.MailingList;
import dev.quire.db.list.MailingListRepository;
import dev.quire.db.list.Member;
import dev.quire.db.list.MemberRole;
import dev.quire.db.list.SeenMessageRepository;
import dev.quire.lists.posting.DefaultPostingChain;
import dev.quire.mail.EmailAddress;

/**
 * Rules wired to in-memory stand-ins for their repositories, so unit tests decide posts without a
 * database; the repositories themselves are exercised against MariaDB by the integration tests.
 */
public final class TestRules {
    private TestRules() {
    }

    public static Loop loop(Set<String> seenMessageIds) {
        Loop rule = new Loop();
        rule.seen = new SeenMessageRepository() {
            @Override
            public boolean seen(MailingList list, String messageId) {
                return seenMessageIds.contains(messageId);
            }
        };
        return rule;
    }

    public static BannedAddress banned(List<Ban> bans) {
        BannedAddress rule = new BannedAddress();
        rule.bans = new BanRepository() {
            @Override
            public List<Ban> applicable(MailingList list) {
                return bans;
            }
        };
        return rule;
    }

    public static HeaderMatch headerMatch(List<dev.quire.db.list.HeaderMatch> rows) {
        HeaderMatch rule = new HeaderMatch();
        rule.matches = new HeaderMatchRepository() {
            @Override
            public List<dev.quire.db.list.HeaderMatch> of(MailingList list) {
                return rows;
            }
        };
        return rule;
    }

    /** Members by address, each with its own moderation action (null: the list's default). */
    public static MailingListRepository roster(Map<String, Action> members) {
        return new MailingListRepository() {
            @Override
            public Optional<Member> member(MailingList list, EmailAddress address, MemberRole role) {
                String key = address.toString().toLowerCase();
                if (role != MemberRole.MEMBER || !members.containsKey(key)) {
                    return Optional.empty();
                }
                Member m = new Member(list, address, role);
                m.setModerationAction(members.get(key));
                return Optional.of(m);
            }

            @Override
            public boolean hasRole(MailingList list, EmailAddress address, MemberRole role) {
                return member(list, address, role).isPresent();
            }
        };
    }

    public static MemberModeration memberModeration(Map<String, Action> members) {
        MemberModeration rule = new MemberModeration();
        rule.lists = roster(members);
        return rule;
    }

    public static NonmemberModeration nonmemberModeration(Map<String, Action> members) {
        NonmemberModeration rule = new NonmemberModeration();
        rule.lists = roster(members);
        return rule;
    }

    /** The default chain over these stand-ins. */
    public static DefaultPostingChain chain(Map<String, Action> members, List<Ban> bans,
            List<dev.quire.db.list.HeaderMatch> headerMatches, Set<String> seenMessageIds) {
        return new DefaultPostingChain(new Approved(), new Emergency(), loop(seenMessageIds), banned(bans),
                memberModeration(members), headerMatch(headerMatches), nonmemberModeration(members),
                new Administrivia(), new ImplicitDestination(), new MaxRecipients(), new MaxSize(), new NoSubject(),
                new SuspiciousHeader());
    }
}
