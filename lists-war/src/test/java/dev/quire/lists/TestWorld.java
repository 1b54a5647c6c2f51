package dev.quire.lists;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.quire.db.list.MailingList;
import dev.quire.db.list.Member;
import dev.quire.db.list.MemberRepository;
import dev.quire.db.list.MemberRole;
import dev.quire.db.list.MembershipEvent;
import dev.quire.db.list.MembershipEventRepository;
import dev.quire.db.pending.PendingRequest;
import dev.quire.db.pending.PendingRequestRepository;
import dev.quire.lists.command.CommandProcessor;
import dev.quire.lists.command.CommandRegistry;
import dev.quire.lists.command.CommandReply;
import dev.quire.lists.command.Confirm;
import dev.quire.lists.command.Help;
import dev.quire.lists.command.JoinAddress;
import dev.quire.lists.command.LeaveAddress;
import dev.quire.lists.command.RequestAddress;
import dev.quire.lists.command.Subscribe;
import dev.quire.lists.command.Unsubscribe;
import dev.quire.lists.command.Who;
import dev.quire.lists.config.ListsSettings;
import dev.quire.mail.Notice;
import dev.quire.lists.notice.Notifier;
import dev.quire.lists.pending.ConfirmAddress;
import dev.quire.lists.pending.Confirmations;
import dev.quire.lists.subscription.Memberships;
import dev.quire.lists.subscription.SubscriptionFlow;
import dev.quire.lists.subscription.SubscriptionNotices;
import dev.quire.lists.subscription.SubscriptionService;
import dev.quire.lists.subscription.SyncedRoster;
import dev.quire.lists.subscription.UnsubscriptionFlow;
import dev.quire.mail.EmailAddress;

/**
 * The subscription and command beans wired by hand over in-memory repositories, with a notifier that keeps
 * what it would send: the real workflow code, no container, no database. The Arquillian test runs the same
 * code on MariaDB.
 */
public final class TestWorld {
    public final MailingList list = ListFixtures.demo();
    public final Members members = new Members();
    public final Events events = new Events();
    public final Requests requests = new Requests();
    public final List<Sent> sent = new ArrayList<>();
    /** Addresses that left, as the sync exclusion list would hold them (in-memory: every leaver). */
    public final java.util.Set<EmailAddress> excluded = new java.util.HashSet<>();
    public final SubscriptionService subscriptions = new SubscriptionService();
    public final Memberships memberships = new Memberships();
    public final Confirmations confirmations = new Confirmations();
    public final CommandProcessor processor = new CommandProcessor();
    public final RequestAddress requestAddress = new RequestAddress();
    public final JoinAddress joinAddress = new JoinAddress();
    public final LeaveAddress leaveAddress = new LeaveAddress();
    public final ConfirmAddress confirmAddress = new ConfirmAddress();
    public final dev.quire.lists.command.Set set = new dev.quire.lists.command.Set();
    public final Who who = new Who();
    public final Help help = new Help();
    public final Subscribe subscribe = new Subscribe();
    public final Unsubscribe unsubscribe = new Unsubscribe();
    public final Confirm confirm = new Confirm();

    /** A notice as it would have been queued at the MTA. */
    public record Sent(EmailAddress envelopeSender, Notice notice) {
        public String wire() {
            return new String(notice.toBytes("lists.quire.test"), StandardCharsets.US_ASCII);
        }
    }

    public TestWorld() {
        Notifier notifier = new Notifier() {
            @Override
            public void send(EmailAddress envelopeSender, Notice notice) {
                sent.add(new Sent(envelopeSender, notice));
            }
        };
        ListsSettings settings = new ListsSettings() {
            @Override
            public Duration pendingExpiry() {
                return Duration.ofDays(3);
            }

            @Override
            public String webUrl() {
                return "https://lists.quire.test";
            }
        };
        SubscriptionNotices notices = new SubscriptionNotices();
        inject(notices, "notifier", notifier);
        inject(notices, "settings", settings);
        inject(memberships, "members", members);
        inject(memberships, "events", events);
        inject(memberships, "notices", notices);
        inject(memberships, "synced", new SyncedRoster() {
            @Override
            public void leave(MailingList l, Member member) {
                members.remove(member);
                excluded.add(member.address());
            }

            @Override
            public void joined(MailingList l, Member member) {
                excluded.remove(member.address());
            }
        });
        SubscriptionFlow joining = new SubscriptionFlow();
        UnsubscriptionFlow leaving = new UnsubscriptionFlow();
        for (Object flow : List.of(joining, leaving)) {
            inject(flow, "requests", requests);
            inject(flow, "members", members);
            inject(flow, "memberships", memberships);
            inject(flow, "notices", notices);
            inject(flow, "settings", settings);
        }
        inject(subscriptions, "joining", joining);
        inject(subscriptions, "leaving", leaving);
        inject(subscriptions, "requests", requests);
        inject(confirmations, "requests", requests);
        inject(confirmations, "flows", new ListInstance<>(List.of(joining, leaving)));
        inject(subscribe, "subscriptions", subscriptions);
        inject(unsubscribe, "subscriptions", subscriptions);
        inject(confirm, "confirmations", confirmations);
        inject(set, "memberships", memberships);
        inject(who, "members", members);
        CommandRegistry registry = new CommandRegistry();
        inject(registry, "commands", new ListInstance<>(List.of(subscribe, unsubscribe, confirm, help, who, set)));
        inject(help, "registry", registry);
        inject(processor, "registry", registry);
        CommandReply reply = new CommandReply();
        inject(reply, "notifier", notifier);
        for (Object handler : List.of(requestAddress, joinAddress, leaveAddress)) {
            inject(handler, "processor", processor);
            inject(handler, "reply", reply);
        }
        inject(confirmAddress, "confirmations", confirmations);
        inject(confirmAddress, "notifier", notifier);
    }

    /** Adds someone to the list in a role. */
    public Member add(String address, MemberRole role) {
        Member m = new Member(list, EmailAddress.parse(address), role);
        members.add(m);
        return m;
    }

    /** The notices sent to one address, oldest first. */
    public List<Sent> to(String address) {
        return sent.stream().filter(s -> s.notice().to().contains(EmailAddress.parse(address))).toList();
    }

    /** The last notice sent to one address. */
    public Sent last(String address) {
        List<Sent> all = to(address);
        if (all.isEmpty()) {
            throw new AssertionError("nothing was sent to " + address + "; sent: " + sent);
        }
        return all.get(all.size() - 1);
    }

    /** The token a notice carries in its subject ({@code confirm TOKEN}). */
    public static String token(Sent s) {
        return s.notice().subject().replaceFirst("^confirm ", "");
    }

    public static void inject(Object target, String name, Object value) {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                f.set(target, value);
                return;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalArgumentException(target.getClass() + " has no field " + name);
    }

    /** Memberships in memory; addresses compare without regard to case, as the database's collation does. */
    public static final class Members extends MemberRepository {
        public final List<Member> all = new ArrayList<>();

        @Override
        public Optional<Member> find(MailingList list, EmailAddress address, MemberRole role) {
            return all.stream().filter(m -> m.list() == list && m.role() == role && m.address().toString()
                    .equalsIgnoreCase(address.toString())).findFirst();
        }

        @Override
        public List<Member> roster(MailingList list, MemberRole role) {
            return all.stream().filter(m -> m.list() == list && m.role() == role)
                    .sorted(Comparator.comparing(m -> m.address().toString())).toList();
        }

        @Override
        public List<EmailAddress> staff(MailingList list) {
            return all.stream().filter(m -> m.list() == list && m.role() != MemberRole.MEMBER)
                    .map(Member::address).distinct().sorted(Comparator.comparing(EmailAddress::toString)).toList();
        }

        @Override
        public void add(Member member) {
            all.add(member);
        }

        @Override
        public void remove(Member member) {
            all.remove(member);
        }

        @Override
        public Member update(Member member) {
            return member;
        }
    }

    /** The audit trail in memory. */
    public static final class Events extends MembershipEventRepository {
        public final List<MembershipEvent> all = new ArrayList<>();

        @Override
        public void add(MembershipEvent event) {
            all.add(event);
        }

        @Override
        public List<MembershipEvent> of(MailingList list, EmailAddress address) {
            return all.stream().filter(e -> e.list() == list && e.address().equalsIgnoreCase(address.toString()))
                    .toList();
        }

        /** {@code EVENT address actor} lines, for assertions. */
        public List<String> lines() {
            return all.stream().map(e -> e.event() + " " + e.address() + " " + e.actor()).toList();
        }
    }

    /** Pending requests in memory. */
    public static final class Requests extends PendingRequestRepository {
        public final List<PendingRequest> all = new ArrayList<>();

        @Override
        public void add(PendingRequest request) {
            all.add(request);
        }

        @Override
        public Optional<PendingRequest> lockByToken(String token, Instant now) {
            return all.stream().filter(r -> r.token().equals(token) && r.expiresAt().isAfter(now)).findFirst();
        }

        @Override
        public Optional<PendingRequest> lockOpen(MailingList list, String kind, String address, Instant now) {
            return all.stream().filter(r -> r.list() == list && r.kind().equals(kind) && r.address()
                    .equalsIgnoreCase(address) && r.expiresAt().isAfter(now)).findFirst();
        }

        @Override
        public List<PendingRequest> open(MailingList list, String kind, Instant now) {
            return all.stream().filter(r -> r.list() == list && r.kind().equals(kind) && r.expiresAt().isAfter(now))
                    .toList();
        }

        @Override
        public void remove(PendingRequest request) {
            all.remove(request);
        }
    }
}
