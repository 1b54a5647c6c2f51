package dev.quire.lists.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.db.list.ListAddress;
import dev.quire.db.list.MailingList;
import dev.quire.db.list.Member;
import dev.quire.lists.config.ListsSettings;
import dev.quire.lists.message.MailMessage;
import dev.quire.lists.outgoing.MtaSession;
import dev.quire.lists.outgoing.MtaSubmission;
import dev.quire.lists.outgoing.Verp;
import dev.quire.mail.EmailAddress;

/**
 * The personalized hand-off: the roster is cut into {@code quire.lists.fanout.sessions} slices, and each
 * slice is worked by one thread over one SMTP connection to the MTA, making each member's copy (decorated,
 * signed) and queuing it as its own transaction from the member's VERP address. Slices run in parallel so
 * that signing uses every core and the MTA's per-message work (spooling) overlaps across sessions.
 */
@ApplicationScoped
public class PersonalizedFanOut {
    private static final Logger LOG = Logger.getLogger(PersonalizedFanOut.class.getName());

    @Inject
    MtaSubmission mta;

    @Inject
    Copies copies;

    @Inject
    ListsSettings settings;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ExecutorService executor;

    /** What one slice did. */
    record Slice(int queued, List<EmailAddress> notQueued, IOException failure) {
    }

    /**
     * Queues one copy per member. Throws (so the LMTP delivery is retried) only when no copy at all was
     * queued; copies refused or deferred after others went out are logged, not retried, to avoid duplicates.
     */
    public int deliver(MailingList list, MailMessage post, List<Member> members) throws IOException {
        int sessions = Math.max(1, Math.min(settings.fanoutSessions(), (members.size() + 49) / 50));
        long start = System.nanoTime();
        PersonalSplice splice = copies.prepare(list, post);
        List<Slice> slices = new ArrayList<>();
        if (sessions == 1 || executor == null) {
            slices.add(slice(list, post, splice, members));
        } else {
            slices.addAll(parallel(executor, list, post, splice, members, sessions));
        }
        long micros = (System.nanoTime() - start) / 1000;
        int queued = slices.stream().mapToInt(Slice::queued).sum();
        List<EmailAddress> lost = slices.stream().flatMap(s -> s.notQueued().stream()).toList();
        IOException failure = slices.stream().map(Slice::failure).filter(f -> f != null).findFirst().orElse(null);
        if (queued == 0 && failure != null) {
            throw failure;
        }
        if (!lost.isEmpty() || failure != null) {
            LOG.warning(() -> "personalized copies to " + list.postingAddress() + " not queued: " + lost
                    + (failure == null ? "" : " (" + failure.getMessage() + ")"));
        }
        LOG.info(() -> "personalized copies of " + post.header("Message-ID").orElse("") + " to "
                + list.postingAddress() + ": " + queued + " queued over " + sessions + " sessions in " + micros / 1000
                + " ms (" + (members.isEmpty() ? 0 : micros / members.size()) + " µs per copy, "
                + (splice == null ? "each copy made whole" : "spliced") + ")");
        return queued;
    }

    private List<Slice> parallel(ExecutorService pool, MailingList list, MailMessage post, PersonalSplice splice,
            List<Member> members, int sessions) throws IOException {
        int size = (members.size() + sessions - 1) / sessions;
        List<Future<Slice>> futures = new ArrayList<>();
        for (int from = 0; from < members.size(); from += size) {
            List<Member> part = members.subList(from, Math.min(members.size(), from + size));
            futures.add(pool.submit(() -> slice(list, post, splice, part)));
        }
        List<Slice> out = new ArrayList<>();
        for (Future<Slice> f : futures) {
            try {
                out.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while handing copies to the MTA", e);
            } catch (ExecutionException e) {
                out.add(new Slice(0, List.of(), new IOException(e.getCause())));
            }
        }
        return out;
    }

    private Slice slice(MailingList list, MailMessage post, PersonalSplice splice, List<Member> members) {
        EmailAddress bounces = list.address(ListAddress.Function.BOUNCES);
        int queued = 0;
        List<EmailAddress> notQueued = new ArrayList<>();
        int done = 0;
        try (MtaSession session = mta.session()) {
            for (Member m : members) {
                byte[] copy = copies.personal(list, post, splice, m);
                MtaSession.Outcome outcome = session.send(Verp.encode(bounces, m.address()), m.address(), copy);
                done++;
                if (outcome == MtaSession.Outcome.QUEUED) {
                    queued++;
                } else {
                    notQueued.add(m.address());
                }
            }
            return new Slice(queued, notQueued, null);
        } catch (IOException e) {
            members.subList(done, members.size()).forEach(m -> notQueued.add(m.address()));
            return new Slice(queued, notQueued, e);
        }
    }
}
