package dev.quire.lists.digest;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.quire.db.list.DeliveryMode;
import dev.quire.db.list.DigestEntry;
import dev.quire.db.list.DigestEntryRepository;
import dev.quire.db.list.DigestSettings;
import dev.quire.db.list.ListAddress;
import dev.quire.db.list.MailingList;
import dev.quire.db.list.Member;
import dev.quire.lists.config.ListsSettings;
import dev.quire.lists.outgoing.MtaSubmission;
import dev.quire.mail.EmailAddress;

/**
 * Sends a list's digest: locks the list, numbers the issue, hands the MIME digest to its MIME readers and the
 * plain digest to its plain readers, then deletes the sent entries and moves the numbering on, all in the
 * caller's transaction. When the MTA refuses, the exception rolls everything back: nothing is lost and the
 * next attempt sends the same issue. A new volume starts with the first digest of each calendar year (UTC).
 */
@ApplicationScoped
public class DigestService {
    private static final Logger LOG = Logger.getLogger(DigestService.class.getName());

    @Inject
    DigestEntryRepository digests;

    @Inject
    MtaSubmission mta;

    @Inject
    ListsSettings settings;

    private String hostname;

    protected DigestService() {
    }

    public DigestService(DigestEntryRepository digests, MtaSubmission mta, String hostname) {
        this.digests = digests;
        this.mta = mta;
        this.hostname = hostname;
    }

    /** Sends the pending digest when it reached the list's size threshold; true when it did. */
    public boolean sendIfFull(MailingList list, Instant now) throws IOException {
        if (digests.pendingSize(list) < list.digests().digestSizeThresholdKb() * 1024L) {
            return false;
        }
        return send(list, now);
    }

    /**
     * For the scheduled job: sends every list's pending digest whose period (daily, weekly, monthly since the
     * last one, an hour's slack for the job's own timing) has passed. Returns how many digests went out.
     */
    @Transactional
    public int sendPeriodic(Instant now) throws IOException {
        int sent = 0;
        for (MailingList list : digests.listsWithPending()) {
            if (due(list.digests(), now) && send(list, now)) {
                sent++;
            }
        }
        return sent;
    }

    static boolean due(DigestSettings s, Instant now) {
        Instant last = s.digestLastSentAt();
        if (last == null) {
            return true;
        }
        Instant next = switch (s.digestPeriod()) {
            case DAILY -> last.plus(Duration.ofDays(1));
            case WEEKLY -> last.plus(Duration.ofDays(7));
            case MONTHLY -> last.atZone(ZoneOffset.UTC).plusMonths(1).toInstant();
        };
        return !next.minus(Duration.ofHours(1)).isAfter(now);
    }

    /** Sends whatever is pending now; false when nothing was. */
    public boolean send(MailingList list, Instant now) throws IOException {
        MailingList locked = digests.lock(list);
        List<DigestEntry> entries = digests.pending(locked);
        if (entries.isEmpty()) {
            return false;
        }
        DigestSettings s = locked.digests();
        int volume = s.digestVolume();
        int issue = s.digestIssue();
        Instant last = s.digestLastSentAt();
        if (last != null && last.atZone(ZoneOffset.UTC).getYear() != now.atZone(ZoneOffset.UTC).getYear()) {
            volume++;
            issue = 1;
        }
        DigestIssue digest = new DigestIssue(locked, volume, issue, now,
                entries.stream().map(DigestEntry::raw).toList());
        EmailAddress bounces = locked.address(ListAddress.Function.BOUNCES);
        String host = hostname();
        List<EmailAddress> mime = addresses(digests.readers(locked, DeliveryMode.MIME_DIGEST));
        List<EmailAddress> plain = addresses(digests.readers(locked, DeliveryMode.PLAIN_DIGEST));
        if (!mime.isEmpty()) {
            mta.submit(bounces, mime, MimeDigest.render(digest, host));
        }
        if (!plain.isEmpty()) {
            mta.submit(bounces, plain, PlainDigest.render(digest, host));
        }
        s.setDigestVolume(volume);
        s.setDigestIssue(issue + 1);
        s.setDigestLastSentAt(now);
        digests.remove(entries);
        LOG.info(() -> digest.subject() + " of " + locked.postingAddress() + ": " + entries.size() + " posts to "
                + mime.size() + " MIME and " + plain.size() + " plain readers");
        return true;
    }

    private String hostname() {
        return hostname != null ? hostname : settings.hostname();
    }

    private static List<EmailAddress> addresses(List<Member> members) {
        return members.stream().map(Member::address).toList();
    }
}
