package dev.quire.db.list;

/** Why a member's delivery is off. */
public enum DisabledReason {
    BY_USER, BY_BOUNCES, BY_MODERATOR
}
