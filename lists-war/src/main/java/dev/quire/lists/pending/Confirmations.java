package dev.quire.lists.pending;

import java.io.IOException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.quire.db.list.MailingList;
import dev.quire.db.pending.PendingRequest;
import dev.quire.db.pending.PendingRequestRepository;
import dev.quire.mail.EmailAddress;

/**
 * Resumes a pending request from its token, whatever its kind: finds the unexpired request, locked, and
 * hands it to the {@link PendingFlow} bean of its kind. The {@code -confirm+TOKEN} address, the
 * {@code confirm} command and web links all come here.
 */
@ApplicationScoped
public class Confirmations {
    private static final Logger LOG = Logger.getLogger(Confirmations.class.getName());

    @Inject
    PendingRequestRepository requests;

    @Inject
    @Any
    Instance<PendingFlow> flows;

    /**
     * Resumes the request with this token; empty when no unexpired request has it (or it belongs to another
     * list than {@code list}, when one is given).
     *
     * @return the one-line outcome for the person who confirmed
     */
    @Transactional(rollbackOn = IOException.class)
    public Optional<String> confirm(MailingList list, Token token, EmailAddress by, byte[] reply)
            throws IOException {
        Optional<PendingRequest> found = requests.lockByToken(token.value(), Instant.now());
        if (found.isEmpty() || (list != null && !Objects.equals(found.get().list().id(), list.id()))) {
            return Optional.empty();
        }
        PendingRequest request = found.get();
        String outcome = flow(request.kind()).resume(request, by, reply);
        LOG.info(() -> request.kind() + " request for " + request.address() + " on " + request.list()
                .postingAddress() + " resumed by " + (by == null ? "the web" : "<" + by + ">") + ": " + outcome);
        return Optional.of(outcome);
    }

    private PendingFlow flow(String kind) {
        for (PendingFlow f : flows) {
            if (f.kind().equals(kind)) {
                return f;
            }
        }
        throw new IllegalStateException("no flow resumes pending requests of kind " + kind);
    }
}
