package dev.quire.mta.upkeep;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

import dev.quire.mta.spool.Envelope;
import dev.quire.mta.spool.QueueId;
import dev.quire.mta.spool.QueueName;
import dev.quire.mta.spool.Spool;

/**
 * Finds and removes the notifications this MTA generated (null sender, its own {@code Reporting-MTA}) about mail
 * that the scanner scored as spam: they would only go to forged senders (backscatter). Looks in the queues where
 * mail waits (incoming not yet claimed, deferred, slow); an entry being delivered right now is left alone, as is
 * held mail, which an admin put there.
 */
public final class SpamBounces {
    /** The queues swept, in this order. */
    static final List<QueueName> QUEUES = List.of(QueueName.DEFERRED, QueueName.SLOW, QueueName.INCOMING);
    private static final Logger LOG = Logger.getLogger(SpamBounces.class.getName());

    private final Spool spool;
    private final String hostname;
    private final double threshold;

    /**
     * @param hostname this MTA's name, as its notifications give it in {@code Reporting-MTA}
     * @param threshold the {@code X-Spam-Score} from which the original counts as spam
     */
    public SpamBounces(Spool spool, String hostname, double threshold) {
        this.spool = spool;
        this.hostname = hostname.toLowerCase(Locale.ROOT);
        this.threshold = threshold;
    }

    /** What a sweep found. */
    public record Sweep(long notifications, long removed) {
    }

    /** Removes every waiting notification of spam; logs each removal with its queue id. */
    public Sweep sweep() throws IOException {
        long notifications = 0;
        long removed = 0;
        for (QueueName queue : QUEUES) {
            for (QueueId id : spool.list(queue)) {
                Optional<ReturnedOriginal> original = notificationOfOurs(queue, id);
                if (original.isEmpty()) {
                    continue;
                }
                notifications++;
                ReturnedOriginal o = original.get();
                if (o.isSpam(threshold) && spool.delete(queue, id)) {
                    removed++;
                    LOG.info(() -> id + ": removed from " + queue.name().toLowerCase(Locale.ROOT)
                            + " by spam-bounces: a notification of spam (X-Spam-Score "
                            + (o.spamScore().isPresent() ? o.spamScore().getAsDouble() : "none") + ", X-Spam-Flag "
                            + (o.spamFlag() ? "YES" : "no") + ", threshold " + threshold + ")");
                }
            }
        }
        return new Sweep(notifications, removed);
    }

    private Optional<ReturnedOriginal> notificationOfOurs(QueueName queue, QueueId id) throws IOException {
        try {
            Envelope envelope = spool.read(queue, id);
            if (envelope.sender() != null) {
                return Optional.empty();
            }
            try (InputStream in = Files.newInputStream(spool.messagePath(id))) {
                return ReturnedOriginal.read(in).filter(o -> o.reportingMta().equals(hostname));
            }
        } catch (NoSuchFileException gone) {
            return Optional.empty(); // claimed, delivered or removed meanwhile
        }
    }
}
