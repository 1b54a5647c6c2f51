package dev.quire.db.list;

/** Who may see the member list. */
public enum RosterVisibility {
    PUBLIC, MEMBERS, MODERATORS
}
