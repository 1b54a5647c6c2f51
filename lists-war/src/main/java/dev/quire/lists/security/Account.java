package dev.quire.lists.security;

import java.time.Instant;
import java.util.Set;

import dev.quire.db.user.SiteUser;
import dev.quire.mail.EmailAddress;

/**
 * A site user as the web side sees it once authenticated: no password hash, safe to keep in a request.
 *
 * @param email the address whose OWNER and MODERATOR rows give list roles; null when the account has none
 */
public record Account(long id, String username, boolean siteAdmin, EmailAddress email, Instant passwordChangedAt) {
    /** Every authenticated caller is in this group. */
    public static final String USER_GROUP = "quire-user";
    /** Site admins are in this group too. */
    public static final String SITE_ADMIN_GROUP = "quire-site-admin";

    static Account of(SiteUser user) {
        return new Account(user.id(), user.username(), user.siteAdmin(), user.email(), user.passwordChangedAt());
    }

    /** The groups the container is told about. */
    public Set<String> groups() {
        return siteAdmin ? Set.of(USER_GROUP, SITE_ADMIN_GROUP) : Set.of(USER_GROUP);
    }

    /** User input made safe for one log line: control characters (a forged line break) become '?'. */
    public static String printable(String text) {
        if (text == null) {
            return "";
        }
        String t = text.length() > 200 ? text.substring(0, 200) + "..." : text;
        return t.replaceAll("\\p{Cntrl}", "?");
    }
}
