package dev.quire.db.domain;

/** What a served domain holds: local mailboxes or mailing lists. */
public enum DomainKind {
    LOCAL, LIST
}
