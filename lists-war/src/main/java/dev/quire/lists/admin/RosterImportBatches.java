package dev.quire.lists.admin;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import dev.quire.db.list.MailingList;
import dev.quire.db.list.OwnerToolsRepository;
import dev.quire.db.list.RosterImport;
import dev.quire.lists.security.Account;
import dev.quire.lists.security.ListRights;
import dev.quire.lists.security.ListRole;
import dev.quire.mail.EmailAddress;

/**
 * Applies a confirmed import in batches, each its own transaction that also records the progress, so the
 * progress page sees the count grow and a failure keeps what was done before it.
 */
@ApplicationScoped
public class RosterImportBatches {
    static final int BATCH = 250;
    /** A running import without progress for this long lost its job (its node stopped); confirming resumes it. */
    public static final Duration STALLED = Duration.ofMinutes(2);
    private static final Logger LOG = Logger.getLogger(RosterImportBatches.class.getName());

    @Inject
    ListRights rights;

    @Inject
    OwnerToolsRepository tools;

    @Inject
    RosterChanges changes;

    @Inject
    RosterImportBatches self;

    /** An import as {@link #start} left it, and whether this call is the one that runs its job. */
    public record Started(RosterImport rosterImport, boolean run) {
    }

    /**
     * Marks a previewed import as running, or takes up a running one that has not moved for {@link #STALLED} (its
     * node stopped). The row is locked, so of two confirmations (a double click, two nodes) one runs the job.
     */
    @Transactional
    public Started start(Account caller, String list, long id) {
        MailingList l = rights.require(caller, list, ListRole.OWNER).list();
        RosterImport i = tools.rosterImportForUpdate(l, id)
                .orElseThrow(() -> Refused.notFound("There is no import #" + id + " of " + list + "."));
        if (i.status() == RosterImport.Status.PREVIEW) {
            i.start();
            if (i.addCount() + i.removeCount() == 0) {
                i.finish(true, "Nothing to change: every address in the file is a member already.", Instant.now());
                return new Started(i, false);
            }
            return new Started(i, true);
        }
        if (i.stalledSince(Instant.now().minus(STALLED))) {
            LOG.warning(() -> "import #" + id + " of " + list + " had not moved since " + i.progressAt()
                    + "; taken up again by " + caller.username());
            i.resume();
            return new Started(i, true);
        }
        return new Started(i, false);
    }

    /** Runs every batch of a running import (the background job). */
    public void apply(long id, String actor) {
        Work w = self.lines(id);
        List<String> work = w.lines();
        // a resumed import goes on after its last committed batch: what was done is neither redone nor re-sent
        int done = w.done();
        int added = 0;
        int invited = 0;
        int removed = 0;
        for (int from = w.done(); from < work.size(); from += BATCH) {
            int[] r = self.batch(id, work.subList(from, Math.min(work.size(), from + BATCH)), actor, done);
            done += r[0] + r[1] + r[2] + r[3];
            added += r[0];
            invited += r[1];
            removed += r[2];
        }
        String summary = summary(added, invited, removed, done - w.done() - added - invited - removed);
        self.finish(id, w.done() == 0
                ? summary
                : "Resumed after " + w.done() + " changes already applied: " + summary);
    }

    /** The import's work as lines: "+address TAB name" to add, "-address" to remove. */
    @Transactional
    public Work lines(long id) {
        RosterImport i = tools.rosterImport(id).orElseThrow();
        List<String> work = new ArrayList<>();
        i.toAdd().lines().filter(l -> !l.isEmpty()).forEach(l -> work.add("+" + l));
        i.toRemove().lines().filter(l -> !l.isEmpty()).forEach(l -> work.add("-" + l));
        return new Work(work, Math.min(i.doneCount(), work.size()));
    }

    /** An import's changes, "+address\tname" or "-address", and how many of them its committed batches applied. */
    public record Work(List<String> lines, int done) {
    }

    /** One batch: returns {added, invited, removed, skipped}. */
    @Transactional(value = TxType.REQUIRES_NEW, rollbackOn = IOException.class)
    public int[] batch(long id, List<String> lines, String actor, int doneBefore) {
        RosterImport i = tools.rosterImport(id).orElseThrow();
        int[] r = new int[4];
        for (String line : lines) {
            try {
                if (line.startsWith("+")) {
                    String[] p = line.substring(1).split("\t", 2);
                    NewMember m = new NewMember(EmailAddress.parse(p[0]),
                            NewMember.cleanName(p.length > 1 ? p[1] : null));
                    switch (changes.add(i.list(), m, actor, i.welcome(), i.invite())) {
                        case ADDED :
                            r[0]++;
                            break;
                        case INVITED :
                            r[1]++;
                            break;
                        default :
                            r[3]++;
                    }
                } else {
                    boolean gone = changes.remove(i.list(), EmailAddress.parse(line.substring(1)),
                            actor) == RosterChanges.Result.REMOVED;
                    r[gone ? 2 : 3]++;
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        i.progress(doneBefore + lines.size());
        return r;
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void finish(long id, String result) {
        tools.rosterImport(id).orElseThrow().finish(true, result, Instant.now());
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void fail(long id, String result, Instant at) {
        tools.rosterImport(id).ifPresent(i -> i.finish(false, result, at));
    }

    static String summary(int added, int invited, int removed, int skipped) {
        return added + " added, " + invited + " invited, " + removed + " removed"
                + (skipped > 0 ? ", " + skipped + " unchanged (changed meanwhile)" : "") + ".";
    }
}
