package dev.quire.lists.digest;

import java.time.Instant;
import java.util.List;

import dev.quire.db.list.ListAddress;
import dev.quire.db.list.MailingList;

/**
 * One digest as sent: the list, its volume and issue number, when it was made and its posts in order.
 *
 * @param posts each post's raw form, in the order the list accepted them
 */
public record DigestIssue(MailingList list, int volume, int issue, Instant date, List<byte[]> posts) {
    /** {@code Demo list Digest, Vol 1, Issue 3}. */
    public String subject() {
        return list.displayName() + " Digest, Vol " + volume + ", Issue " + issue;
    }

    /** The same Message-ID every time this issue is rendered, so a repeated hand-off is recognizable. */
    public String messageId(String hostname) {
        return "<digest." + volume + "." + issue + "." + list.listId() + "@" + hostname + ">";
    }

    /** Mailman's masthead: where to post, how to change delivery, whom to ask. */
    public String masthead() {
        return "Send " + list.displayName() + " mailing list submissions to\n\t" + list.postingAddress() + "\n\n"
                + "To subscribe or unsubscribe, or to switch between digests and single messages, send a\n"
                + "message with \"help\" in the subject to\n\t" + list.address(ListAddress.Function.REQUEST) + "\n\n"
                + "You can reach the person managing the list at\n\t" + list.address(ListAddress.Function.OWNER)
                + "\n\n" + "When replying, please edit your Subject line so it is more specific than \"Re: Contents of "
                + list.displayName() + " digest...\"\n";
    }
}
