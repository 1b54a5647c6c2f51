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

    /** The RFC 5064 Archived-At URL of this post, once the archive has stored it; null otherwise. */
    public String archivedAt() {
        return archivedAt;
    }

    public void setArchivedAt(String archivedAt) {
        this.archivedAt = archivedAt;
    }

    /** Records why a rule fired, for the moderator. */
    public void addReason(String rule, String reason) {
        reasons.add(rule + ": " + reason);
    }

    public List<String> reasons() {
        return Collections.unmodifiableList(reasons);
    }
}
