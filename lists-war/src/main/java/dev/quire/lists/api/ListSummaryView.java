package dev.quire.lists.api;

import java.util.Locale;

import dev.quire.lists.security.ListRights.ManagedList;

/** A list the caller may manage and the caller's role on it ({@code site_admin}, {@code owner}, {@code moderator}). */
public record ListSummaryView(String address, String listId, String displayName, String role) {
    static ListSummaryView of(ManagedList m) {
        return new ListSummaryView(m.list().postingAddress().toString(), m.list().listId(), m.list().displayName(),
                m.role().name().toLowerCase(Locale.ROOT));
    }
}
