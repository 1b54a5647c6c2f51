package dev.quire.lists.posting;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.quire.db.list.Action;
import dev.quire.db.list.MailingList;
import dev.quire.lists.message.Addresses;
import dev.quire.lists.message.MailMessage;
import dev.quire.mail.EmailAddress;

/**
 * A post on its way through the chain and the pipeline, with the reasons rules gave about it and the
 * actions that rules reading the list's settings (member moderation, header matches) chose.
 */
public final class Post {
    private final MailingList list;
    private final EmailAddress envelopeSender;
    private final MailMessage message;
    private final List<String> reasons = new ArrayList<>();
    private String archivedAt;
    private final Map<String, Action> chosen = new HashMap<>();
    private String discarded;

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

    /** Everyone the post claims to be from: the From and Sender fields, then the envelope sender. */
    public List<EmailAddress> senders() {
        Set<EmailAddress> out = new LinkedHashSet<>(Addresses.in(message, "From"));
        out.addAll(Addresses.in(message, "Sender"));
        if (envelopeSender != null) {
            out.add(envelopeSender);
        }
        return List.copyOf(out);
    }

    /** Records why a rule fired, for the moderator. */
    public void addReason(String rule, String reason) {
        reasons.add(rule + ": " + reason);
    }

    public List<String> reasons() {
        return Collections.unmodifiableList(reasons);
    }

    /** Records the action a rule chose from the list's settings; the chain acts on it. */
    public void choose(String rule, Action action) {
        chosen.put(rule, action);
    }

    /** The action a rule chose, if it chose one. */
    public Optional<Action> chosen(String rule) {
        return Optional.ofNullable(chosen.get(rule));
    }

    /** Stops the pipeline: a handler found nothing left to deliver (Mailman's DiscardMessage). */
    public void discard(String reason) {
        this.discarded = reason;
    }

    /** Why a handler discarded the post, or null while it is still on its way. */
    public String discarded() {
        return discarded;
    }
}
