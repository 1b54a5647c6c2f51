package dev.quire.db.list;

/** Where replies go: the author (NONE), the list, or an explicit address. */
public enum ReplyToPolicy {
    NONE, LIST, EXPLICIT
}
