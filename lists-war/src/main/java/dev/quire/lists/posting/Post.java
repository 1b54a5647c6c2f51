package dev.quire.lists.posting;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.quire.db.list.MailingList;
import dev.quire.lists.message.MailMessage;
import dev.quire.mail.EmailAddress;

/** A post on its way through the chain and the pipeline, with the reasons rules gave about it. */
public final class Post {
    private final MailingList list;
    private final EmailAddress envelopeSender;
    private final MailMessage message;
    private final List<String> reasons = new ArrayList<>();
    private String discarded;
    private String archivedAt;

    public Post(MailingList list, EmailAddress envelopeSender, MailMessage message) {
        this.list = list;
        this.envelopeSender = envelopeSender;
        this.message = message;
    }

    public MailingList list() {
        return list;
    }

    /** The envelope sender; null for the null reverse-path. */
    public EmailAddress envelopeSender() {
        return envelopeSender;
    }

    public MailMessage message() {
        return message;
    }

    /** Records why a rule fired, for the moderator. */
    public void addReason(String rule, String reason) {
        reasons.add(rule + ": " + reason);
    }

    public List<String> reasons() {
        return Collections.unmodifiableList(reasons);
    }

    /** Stops the pipeline: a handler found nothing left to deliver (Mailman's DiscardMessage). */
    public void discard(String reason) {
        this.discarded = reason;
    }

    /** Why a handler discarded the post, or null while it is still on its way. */
    public String discarded() {
        return discarded;
    }

    /**
     * The URL of this post in the archive, set by the archive handler when it stores the post, so that
     * the RFC 5064 Archived-At field can point at it; null when the post is not archived.
     */
    public String archivedAt() {
        return archivedAt;
    }

    public void setArchivedAt(String url) {
        this.archivedAt = url;
    }
}
