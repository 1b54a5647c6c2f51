package dev.quire.lists.site;

import java.util.Locale;
import java.util.regex.Pattern;

import dev.quire.mail.EmailAddress;

/** Checks the names site admins type: domain names, local parts, addresses. */
final class Names {
    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");
    private static final Pattern LOCAL = Pattern.compile("[a-z0-9]([a-z0-9._-]{0,62}[a-z0-9])?");

    private Names() {
    }

    /** A domain name in lower case, or a 400 for the field. */
    static String domain(String field, String text) {
        String d = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (!DOMAIN.matcher(d).matches()) {
            throw SiteRefusal.invalid(field, "must be a domain name such as lists.example.org");
        }
        return d;
    }

    /** A list name or alias local part: letters, digits, dot, dash, underscore. */
    static String localPart(String field, String text) {
        String l = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (!LOCAL.matcher(l).matches()) {
            throw SiteRefusal.invalid(field, "must be 1 to 64 letters, digits, '.', '-' or '_'");
        }
        return l;
    }

    /** A mail address, or a 400 for the field. */
    static EmailAddress address(String field, String text) {
        String message = "must be a mail address such as name@example.org";
        if (text == null || text.isBlank()) {
            throw SiteRefusal.invalid(field, message);
        }
        try {
            return EmailAddress.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw SiteRefusal.invalid(field, message);
        }
    }

    /** Text without control characters, at most max long; blank gives null. */
    static String text(String field, String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (t.length() > max || t.chars().anyMatch(Character::isISOControl)) {
            throw SiteRefusal.invalid(field, "must be one line of at most " + max + " characters");
        }
        return t;
    }
}
