package dev.quire.db.list;

/** A subscriber's role on one list. */
public enum MemberRole {
    MEMBER, OWNER, MODERATOR
}
