package dev.quire.db.list;

/** What the posting chain (or a member's or non-member's moderation setting) does with a post; DEFER lets the chain go on. */
public enum Action {
    ACCEPT, HOLD, REJECT, DISCARD, DEFER
}
