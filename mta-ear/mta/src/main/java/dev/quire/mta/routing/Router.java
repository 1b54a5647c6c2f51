package dev.quire.mta.routing;

import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import dev.quire.db.domain.Domain;
import dev.quire.db.domain.DomainKind;
import dev.quire.db.domain.DomainRepository;
import dev.quire.db.list.MailingListRepository;
import dev.quire.mail.EmailAddress;
import dev.quire.mta.config.MtaSettings;

/** Resolves a recipient to its address class from the routing tables in the database. */
@ApplicationScoped
public class Router {
    private static final String POSTMASTER = "postmaster";

    @Inject
    DomainRepository domains;

    @Inject
    MailingListRepository lists;

    @Inject
    MtaSettings settings;

    /** Resolves one recipient; throws when the tables cannot be read so the caller defers. */
    public Resolution resolve(EmailAddress recipient) throws RoutingUnavailableException {
        try {
            if (isPostmaster(recipient)) {
                return new Resolution.Deliverable(postmaster(), AddressClass.LOCAL);
            }
            Optional<Domain> domain = domains.find(recipient.domain());
            if (domain.isEmpty()) {
                return new Resolution.NotLocal(recipient);
            }
            boolean known = domain.get().kind() == DomainKind.LIST
                    ? lists.resolve(recipient).isPresent()
                    : domains.mailboxExists(recipient);
            AddressClass cls = domain.get().kind() == DomainKind.LIST ? AddressClass.LIST : AddressClass.LOCAL;
            return known ? new Resolution.Deliverable(recipient, cls) : new Resolution.NoSuchUser(recipient);
        } catch (PersistenceException | IllegalStateException e) {
            throw new RoutingUnavailableException("routing tables unavailable: " + e.getMessage(), e);
        }
    }

    /** The mailbox postmaster mail goes to: postmaster at this host's name. */
    public EmailAddress postmaster() {
        return EmailAddress.of(POSTMASTER, settings.hostname().toLowerCase(Locale.ROOT));
    }

    private boolean isPostmaster(EmailAddress recipient) throws PersistenceException {
        if (!recipient.localPart().equalsIgnoreCase(POSTMASTER)) {
            return false;
        }
        return recipient.domain().equalsIgnoreCase(settings.hostname()) || domains.find(recipient.domain()).isPresent();
    }
}
