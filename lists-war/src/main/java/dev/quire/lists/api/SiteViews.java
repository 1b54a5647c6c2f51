package dev.quire.lists.api;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import dev.quire.db.list.MemberRole;
import dev.quire.db.site.SiteAdminRepository.AliasRow;
import dev.quire.db.site.SiteAdminRepository.DomainRow;
import dev.quire.db.site.SiteAdminRepository.ListRow;
import dev.quire.db.site.SiteAdminRepository.NetworkRow;
import dev.quire.db.site.SiteAdminRepository.UserRow;
import dev.quire.lists.site.QueueEntry;

/** The JSON shapes of the site admin's resources. */
public final class SiteViews {
    private SiteViews() {
    }

    /** A domain with what it holds. */
    public record DomainDetailView(String name, String kind, long lists, long mailboxes, long aliases) {
        static DomainDetailView of(DomainRow d) {
            return new DomainDetailView(d.name(), d.kind().name(), d.lists(), d.mailboxes(), d.aliases());
        }
    }

    /** A list as the site admin sees it in the list of all lists. */
    public record SiteListView(String address, String listId, String displayName, String style, long members,
            long archivedMessages) {
        static SiteListView of(ListRow r) {
            return new SiteListView(r.list().postingAddress().toString(), r.list().listId(), r.list().displayName(),
                    r.list().style().name().toLowerCase(Locale.ROOT), r.members(), r.archived());
        }
    }

    /** What deleting a list deleted with it. */
    public record ListDeletedView(String address, long members, long archivedMessages, String note) {
        static ListDeletedView of(ListRow r) {
            return new ListDeletedView(r.list().postingAddress().toString(), r.members(), r.archived(),
                    "The list, its members, held posts and its archive are deleted.");
        }
    }

    /** An alias held in the database. */
    public record AliasView(String address, String targets) {
        static AliasView of(AliasRow a) {
            return new AliasView(a.localPart() + "@" + a.domain(), a.targets());
        }
    }

    /** A relay network held in the database. */
    public record NetworkView(long id, String network) {
        static NetworkView of(NetworkRow n) {
            return new NetworkView(n.id(), n.network());
        }
    }

    /** A queued message. */
    public record QueueMessageView(String id, String queue, String sender, List<String> recipients, long size,
            Instant arrivedAt, long ageSeconds, String lastError) {
        static QueueMessageView of(QueueEntry e, Instant now) {
            return new QueueMessageView(e.id(), e.queue(), e.sender(), e.recipients(), e.size(), e.arrivedAt(),
                    e.arrivedAt() == null ? 0 : Math.max(0, now.getEpochSecond() - e.arrivedAt().getEpochSecond()),
                    e.lastError());
        }
    }

    /** A site user and its list roles. */
    public record UserView(String username, String email, boolean siteAdmin, boolean enabled, List<RoleView> roles) {
        static UserView of(UserRow u) {
            return new UserView(u.user().username(), u.user().email() == null ? null : u.user().email().toString(),
                    u.user().siteAdmin(), u.user().enabled(),
                    u.roles().stream().map(r -> new RoleView(r.list(), role(r.role()))).toList());
        }
    }

    /** One list role. */
    public record RoleView(String list, String role) {
    }

    static String role(MemberRole r) {
        return r.name().toLowerCase(Locale.ROOT);
    }
}
