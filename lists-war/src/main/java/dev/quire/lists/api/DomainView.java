package dev.quire.lists.api;

import dev.quire.db.list.ListAdminRepository.DomainLists;

/** A served domain: LOCAL (mailboxes) or LIST, and how many lists it holds. */
public record DomainView(String name, String kind, long lists) {
    static DomainView of(DomainLists d) {
        return new DomainView(d.name(), d.kind().name(), d.lists());
    }
}
