package dev.quire.lists.admin;

import dev.quire.mail.EmailAddress;

/** An address to subscribe, with the name to give it (null for none). */
public record NewMember(EmailAddress address, String name) {
    /** A name made safe to keep: no control characters, at most 200 characters, null when blank. */
    public static String cleanName(String name) {
        if (name == null) {
            return null;
        }
        String n = name.replaceAll("\\p{Cntrl}", " ").strip();
        return n.isEmpty() ? null : n.length() > 200 ? n.substring(0, 200) : n;
    }
}
