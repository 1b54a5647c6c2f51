package dev.quire.lists.site;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.quire.db.domain.Domain;
import dev.quire.db.domain.DomainKind;
import dev.quire.db.site.SiteAdminRepository;
import dev.quire.db.site.SiteAdminRepository.DomainRow;
import dev.quire.lists.security.Account;
import dev.quire.lists.security.ListRights;

/** The served domains: list, create, change the kind, delete (never one that still holds lists or mailboxes). */
@ApplicationScoped
public class SiteDomains {
    @Inject
    ListRights rights;

    @Inject
    SiteAdminRepository repository;

    @Transactional
    public List<DomainRow> all(Account caller) {
        rights.requireSiteAdmin(caller);
        return repository.domains();
    }

    @Transactional
    public DomainRow create(Account caller, String name, String kind) {
        rights.requireSiteAdmin(caller);
        String n = Names.domain("name", name);
        DomainKind k = kind("kind", kind);
        if (repository.findDomain(n).isPresent()) {
            throw SiteRefusal.conflict("The domain " + n + " exists already.");
        }
        repository.addDomain(new Domain(n, k));
        return repository.domain(n).orElseThrow();
    }

    @Transactional
    public DomainRow change(Account caller, String name, String kind) {
        rights.requireSiteAdmin(caller);
        DomainRow row = existing(name);
        DomainKind k = kind("kind", kind);
        repository.changeDomainKind(row.name(), k);
        return repository.domain(row.name()).orElseThrow();
    }

    /** Deletes a domain and the aliases held for it; refused while it holds lists or mailboxes. */
    @Transactional
    public DomainRow delete(Account caller, String name) {
        rights.requireSiteAdmin(caller);
        DomainRow row = existing(name);
        if (row.lists() > 0) {
            throw SiteRefusal.conflict("The domain " + row.name() + " still holds " + row.lists()
                    + (row.lists() == 1 ? " list" : " lists") + ": delete " + (row.lists() == 1 ? "it" : "them")
                    + " first. Nothing was deleted.");
        }
        if (row.mailboxes() > 0) {
            throw SiteRefusal.conflict("The domain " + row.name() + " still holds " + row.mailboxes()
                    + (row.mailboxes() == 1 ? " mailbox" : " mailboxes") + ". Nothing was deleted.");
        }
        repository.removeDomain(row.name());
        return row;
    }

    private DomainRow existing(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return repository.domain(n).orElseThrow(() -> SiteRefusal.notFound("There is no domain " + n + "."));
    }

    static DomainKind kind(String field, String kind) {
        try {
            return DomainKind.valueOf(kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw SiteRefusal.invalid(field, "must be LIST (mailing lists) or LOCAL (mailboxes)");
        }
    }
}
