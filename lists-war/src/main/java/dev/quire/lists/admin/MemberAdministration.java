package dev.quire.lists.admin;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import dev.quire.db.list.Member;
import dev.quire.db.list.MemberRepository;
import dev.quire.db.list.MemberRole;
import dev.quire.db.list.MembershipEvent;
import dev.quire.db.list.MembershipEventRepository;
import dev.quire.db.list.OwnerToolsRepository;
import dev.quire.lists.security.Account;
import dev.quire.lists.security.ListRights;
import dev.quire.lists.security.ListRights.ManagedList;
import dev.quire.lists.security.ListRole;
import dev.quire.lists.subscription.Memberships;
import dev.quire.mail.EmailAddress;
import dev.quire.mail.InvalidAddressException;

/**
 * A list's members for its owners: a page of the roster with a search, one member's details, adding and
 * removing one or many, members with bounces, and the roster as CSV. Owners and site admins only.
 */
@ApplicationScoped
public class MemberAdministration {
    /** The largest page a caller may ask for. */
    public static final int MAX_PAGE_SIZE = 500;
    /** The most addresses one bulk call may change. */
    public static final int MAX_BULK = 10_000;

    @Inject
    ListRights rights;

    @Inject
    OwnerToolsRepository tools;

    @Inject
    MemberRepository members;

    @Inject
    RosterChanges changes;

    @Inject
    MembershipEventRepository events;

    /** One page of a roster: page numbers start at 1. */
    public record RosterPage(ManagedList managed, List<Member> members, long total, int page, int size,
            String search) {
        public long pages() {
            return Math.max(1, (total + size - 1) / size);
        }
    }

    /** What a bulk change did, address by address. */
    public record BulkResult(List<String> added, List<String> invited, List<String> already, List<String> removed,
            List<String> notMembers) {
    }

    @Transactional
    public RosterPage page(Account caller, String list, String search, int page, int size) {
        if (page < 1 || size < 1 || size > MAX_PAGE_SIZE) {
            throw Refused.invalid(page < 1 ? "page" : "size", page < 1
                    ? "page must be 1 or more"
                    : "size must be from 1 to " + MAX_PAGE_SIZE);
        }
        String q = search == null || search.isBlank() ? null : search.strip();
        if (q != null && q.length() > 254) {
            throw Refused.invalid("q", "the search is longer than an address can be");
        }
        ManagedList managed = rights.require(caller, list, ListRole.OWNER);
        if (q != null) {
            OwnerToolsRepository.SearchPage found = tools.search(managed.list(), MemberRole.MEMBER, q,
                    (page - 1) * size,
                    size);
            return new RosterPage(managed, found.members(), found.total(), page, size, q);
        }
        long total = tools.count(managed.list(), MemberRole.MEMBER, null);
        List<Member> rows = tools.page(managed.list(), MemberRole.MEMBER, null, (page - 1) * size, size);
        return new RosterPage(managed, rows, total, page, size, null);
    }

    /** One member's row (options, bounce state), or 404. */
    @Transactional
    public Member member(Account caller, String list, String address) {
        ManagedList managed = rights.require(caller, list, ListRole.OWNER);
        return members.find(managed.list(), address(address), MemberRole.MEMBER)
                .orElseThrow(() -> Refused.notFound(address + " is not a member of " + list + "."));
    }

    /**
     * Changes one member's options (owners). Delivery turned on clears why it was off and, as Mailman does,
     * the bounce score and warnings; turned off by the owner it is off BY_MODERATOR. What changed goes into the
     * membership audit ({@code OPTION_SET}, the owner as actor), as a member's own {@code set} command does.
     */
    @Transactional
    public Member change(Account caller, String list, String address, MemberChange change) {
        Member m = member(caller, list, address);
        List<String> changed = new ArrayList<>();
        if (Boolean.TRUE.equals(change.deliveryEnabled()) && !m.deliveryEnabled()) {
            changed.add("delivery on (was off: " + m.disabledReason() + "; bounce score " + m.bounceScore()
                    + " cleared)");
            m.disable(null, java.time.Instant.now());
            m.setBounceScore(0, m.lastBounceAt());
            m.setBounceWarnings(0, null);
        } else if (Boolean.FALSE.equals(change.deliveryEnabled()) && m.deliveryEnabled()) {
            changed.add("delivery off");
            m.disable(dev.quire.db.list.DisabledReason.BY_MODERATOR, java.time.Instant.now());
        }
        if (change.deliveryMode() != null && change.deliveryMode() != m.deliveryMode()) {
            changed.add("delivery mode " + m.deliveryMode() + " -> " + change.deliveryMode());
            m.setDeliveryMode(change.deliveryMode());
        }
        if (change.moderationAction() != null && !java.util.Objects.equals(change.action(), m.moderationAction())) {
            changed.add("moderation " + (m.moderationAction() == null ? "list default" : m.moderationAction()) + " -> "
                    + (change.action() == null ? "list default" : change.action()));
            m.setModerationAction(change.action());
        }
        if (change.acknowledgePosts() != null && change.acknowledgePosts() != m.acknowledgePosts()) {
            changed.add("acknowledge posts " + change.acknowledgePosts());
            m.setAcknowledgePosts(change.acknowledgePosts());
        }
        if (change.receiveOwnPostings() != null && change.receiveOwnPostings() != m.receiveOwnPostings()) {
            changed.add("receive own postings " + change.receiveOwnPostings());
            m.setReceiveOwnPostings(change.receiveOwnPostings());
        }
        if (change.hideAddress() != null && change.hideAddress() != m.hideAddress()) {
            changed.add("hide address " + change.hideAddress());
            m.setHideAddress(change.hideAddress());
        }
        if (!changed.isEmpty()) {
            events.add(new MembershipEvent(m.list(), m.address().toString(), Memberships.OPTION_SET,
                    caller.username(), "by an owner: " + String.join("; ", changed)));
        }
        return m;
    }

    /** Subscribes (or invites) addresses; those already members are left as they are. */
    @Transactional(rollbackOn = IOException.class)
    public BulkResult add(Account caller, String list, List<NewMember> toAdd, boolean welcome, boolean invite)
            throws IOException {
        bulkSize(toAdd.size());
        ManagedList managed = rights.require(caller, list, ListRole.OWNER);
        BulkResult r = empty();
        for (NewMember m : toAdd) {
            switch (changes.add(managed.list(), m, caller.username(), welcome, invite)) {
                case ADDED :
                    r.added().add(m.address().toString());
                    break;
                case INVITED :
                    r.invited().add(m.address().toString());
                    break;
                default :
                    r.already().add(m.address().toString());
            }
        }
        return r;
    }

    /** Unsubscribes addresses; those that are not members are named in the result. */
    @Transactional
    public BulkResult remove(Account caller, String list, List<EmailAddress> addresses) {
        bulkSize(addresses.size());
        ManagedList managed = rights.require(caller, list, ListRole.OWNER);
        BulkResult r = empty();
        for (EmailAddress a : addresses) {
            boolean removed = changes.remove(managed.list(), a, caller.username()) == RosterChanges.Result.REMOVED;
            (removed ? r.removed() : r.notMembers()).add(a.toString());
        }
        return r;
    }

    /** Members whose mail bounces: a score above zero, or delivery turned off by bounces; highest first. */
    @Transactional
    public List<Member> bouncing(Account caller, String list) {
        return tools.bouncing(rights.require(caller, list, ListRole.OWNER).list(), 1000);
    }

    /** The roster as CSV: address, name, delivery, mode, subscribed, bounce score. Flushes, leaves {@code out} open. */
    /** Refuses anyone who does not own the list (a page that shows nothing of the roster yet, a download). */
    @Transactional
    public void requireOwner(Account caller, String list) {
        rights.require(caller, list, ListRole.OWNER);
    }

    @Transactional
    public void export(Account caller, String list, Writer out) throws IOException {
        ManagedList managed = rights.require(caller, list, ListRole.OWNER);
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setHeader("address", "name", "delivery", "mode", "subscribed", "bounce_score").build();
        CSVPrinter csv = new CSVPrinter(out, format);
        int offset = 0;
        List<Member> batch;
        do {
            batch = tools.page(managed.list(), MemberRole.MEMBER, null, offset, 2000);
            for (Member m : batch) {
                csv.printRecord(m.address(), m.displayName() == null ? "" : m.displayName(),
                        m.deliveryEnabled() ? "enabled" : "disabled",
                        m.deliveryMode().name().toLowerCase(Locale.ROOT), m.subscribedAt(), m.bounceScore());
            }
            offset += batch.size();
            tools.detach(batch);
        } while (batch.size() == 2000);
        csv.flush();
    }

    /** An address given by a caller, or 400. */
    public static EmailAddress address(String text) {
        try {
            return EmailAddress.parse(text == null ? "" : text.strip());
        } catch (InvalidAddressException e) {
            throw Refused.invalid("address", "\"" + shorten(text) + "\" is not an email address.");
        }
    }

    static String shorten(String text) {
        String t = text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
        return t.length() > 80 ? t.substring(0, 80) + "..." : t;
    }

    private static void bulkSize(int n) {
        if (n == 0) {
            throw Refused.invalid("addresses", "Give at least one address.");
        }
        if (n > MAX_BULK) {
            throw Refused.invalid("addresses", "At most " + MAX_BULK + " addresses at once; import a CSV file for"
                    + " more.");
        }
    }

    private static BulkResult empty() {
        return new BulkResult(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>());
    }
}
