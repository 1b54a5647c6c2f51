package dev.quire.lists.moderation;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import dev.quire.db.list.HeldMessage;
import dev.quire.db.list.MailingList;
import dev.quire.mail.EmailAddress;

/** The text of moderator notices: one held post with its reasons and how to act, or the daily digest. */
final class HeldText {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private HeldText() {
    }

    static String notice(HeldMessage h, List<String> reasons, EmailAddress replyTo) {
        StringBuilder b = new StringBuilder();
        b.append("A post to ").append(h.list().postingAddress()).append(" is held for moderation (#")
                .append(h.id()).append(").\n\n");
        describe(b, h, reasons);
        b.append("\nThe post is attached. To act on it, reply to this notice (the reply goes to\n")
                .append(replyTo).append(") with one of these as the first line of\n")
                .append("your reply, or as its subject:\n\n")
                .append("    accept                 send the post to the list\n")
                .append("    reject <reason>        return it to the sender with your reason\n")
                .append("    discard                drop it without telling anyone\n")
                .append("    defer                  leave it held\n")
                .append("    accept and unmoderate  send it, and stop moderating this member's posts\n\n")
                .append("Only the list's owners and moderators can act this way.\n");
        return b.toString();
    }

    static String reminder(MailingList list, List<HeldMessage> items) {
        StringBuilder b = new StringBuilder();
        b.append(items.size()).append(items.size() == 1 ? " post to " : " posts to ").append(list.postingAddress())
                .append(items.size() == 1 ? " has" : " have").append(" waited for a moderator for more than a day.\n");
        for (HeldMessage h : items) {
            b.append("\n#").append(h.id()).append(", held since ")
                    .append(h.heldAt() == null ? "?" : WHEN.format(h.heldAt())).append('\n');
            describe(b, h, h.reasons().lines().toList());
        }
        b.append("\nAct on them in the web admin, or by replying to the notice each one came with.\n");
        return b.toString();
    }

    private static void describe(StringBuilder b, HeldMessage h, List<String> reasons) {
        b.append("    From:    ").append(h.sender() == null ? "<>" : h.sender()).append('\n');
        b.append("    Subject: ").append(h.subject() == null ? "(no subject)" : h.subject()).append('\n');
        b.append("    Held because:\n");
        reasons.forEach(r -> b.append("      - ").append(r).append('\n'));
    }
}
