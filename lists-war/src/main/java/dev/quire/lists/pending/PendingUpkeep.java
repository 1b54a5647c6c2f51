package dev.quire.lists.pending;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.quire.db.list.SeenMessageRepository;
import dev.quire.db.pending.PendingRequest;
import dev.quire.db.pending.PendingRequestRepository;

/** Forgets what only matters for a while: expired pending requests and old Message-IDs of the loop rule. */
@ApplicationScoped
public class PendingUpkeep {
    private static final Logger LOG = Logger.getLogger(PendingUpkeep.class.getName());
    private static final int BATCH = 500;

    @Inject
    PendingRequestRepository pending;

    @Inject
    SeenMessageRepository seen;

    @Inject
    @ConfigProperty(name = "quire.lists.seen.keep", defaultValue = "P30D")
    Duration keepSeen;

    /** Deletes every request whose token expired before {@code now}; returns how many. */
    @Transactional
    public int expire(Instant now) {
        int total = 0;
        List<PendingRequest> batch;
        do {
            batch = pending.expired(now, BATCH);
            for (PendingRequest r : batch) {
                LOG.info(() -> "pending " + r.kind() + " for <" + r.address() + "> on "
                        + r.list().postingAddress() + " expired at step " + r.step());
                pending.remove(r);
            }
            total += batch.size();
        } while (batch.size() == BATCH);
        return total;
    }

    /** Forgets Message-IDs seen longer ago than {@code quire.lists.seen.keep}; returns how many. */
    @Transactional
    public int forgetSeen(Instant now) {
        return seen.forgetBefore(now.minus(keepSeen));
    }
}
