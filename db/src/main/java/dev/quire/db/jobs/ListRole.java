package dev.quire.db.jobs;

import dev.quire.db.list.MemberRole;

/** One roster of a list: its members, its owners or its moderators. */
public record ListRole(long listId, MemberRole role) {
}
