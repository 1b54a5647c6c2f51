package dev.quire.lists.admin;

import java.util.Map;

import dev.quire.db.list.MemberRole;
import dev.quire.lists.security.ListRights.ManagedList;

/** What the list overview page shows: the list, the caller's role, its member counts and held posts. */
public record ListOverview(ManagedList managed, Map<MemberRole, Long> counts, long held) {
}
