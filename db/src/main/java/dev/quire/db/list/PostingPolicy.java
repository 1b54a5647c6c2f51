package dev.quire.db.list;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** What the posting chain consults: emergency moderation, default actions, the limits of a post. */
@Embeddable
public class PostingPolicy {
    @Column(name = "emergency", nullable = false)
    private boolean emergency = false;

    @Column(name = "moderator_password_hash", length = 255)
    private String moderatorPasswordHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "default_member_action", nullable = false, length = 16)
    private Action defaultMemberAction = Action.DEFER;

    @Enumerated(EnumType.STRING)
    @Column(name = "default_nonmember_action", nullable = false, length = 16)
    private Action defaultNonmemberAction = Action.HOLD;

    @Column(name = "require_explicit_destination", nullable = false)
    private boolean requireExplicitDestination = true;

    @Column(name = "acceptable_aliases")
    private String acceptableAliases;

    @Column(name = "administrivia", nullable = false)
    private boolean administrivia = true;

    @Column(name = "max_recipients", nullable = false)
    private int maxRecipients = 10;

    @Column(name = "max_message_size_kb", nullable = false)
    private int maxMessageSizeKb = 40;

    @Column(name = "admin_immed_notify", nullable = false)
    private boolean adminImmedNotify = true;

    @Column(name = "suspicious_headers")
    private String suspiciousHeaders;

    @Column(name = "respond_to_post_requests", nullable = false)
    private boolean respondToPostRequests = true;

    /** Whether a poster whose message is held is told it awaits approval (Mailman's respond_to_post_requests). */
    public boolean respondToPostRequests() {
        return respondToPostRequests;
    }

    public void setRespondToPostRequests(boolean respondToPostRequests) {
        this.respondToPostRequests = respondToPostRequests;
    }

    /** When set, every post is held (the emergency rule). */
    public boolean emergency() {
        return emergency;
    }

    public void setEmergency(boolean emergency) {
        this.emergency = emergency;
    }

    /** The hash of the password that approves a post in an Approved: header; null when none. */
    public String moderatorPasswordHash() {
        return moderatorPasswordHash;
    }

    public void setModeratorPasswordHash(String moderatorPasswordHash) {
        this.moderatorPasswordHash = moderatorPasswordHash;
    }

    /** What happens to a member's post unless the member has an action of their own. */
    public Action defaultMemberAction() {
        return defaultMemberAction;
    }

    public void setDefaultMemberAction(Action defaultMemberAction) {
        this.defaultMemberAction = defaultMemberAction;
    }

    /** What happens to a post from an address that is not a member. */
    public Action defaultNonmemberAction() {
        return defaultNonmemberAction;
    }

    public void setDefaultNonmemberAction(Action defaultNonmemberAction) {
        this.defaultNonmemberAction = defaultNonmemberAction;
    }

    /** Hold posts that do not name the list (or an acceptable alias) in To or Cc. */
    public boolean requireExplicitDestination() {
        return requireExplicitDestination;
    }

    public void setRequireExplicitDestination(boolean requireExplicitDestination) {
        this.requireExplicitDestination = requireExplicitDestination;
    }

    /** Addresses or ^regular expressions, one per line, that count as naming the list. */
    public String acceptableAliases() {
        return acceptableAliases;
    }

    public void setAcceptableAliases(String acceptableAliases) {
        this.acceptableAliases = acceptableAliases;
    }

    /** Hold posts that look like commands sent to the posting address. */
    public boolean administrivia() {
        return administrivia;
    }

    public void setAdministrivia(boolean administrivia) {
        this.administrivia = administrivia;
    }

    /** Hold posts with at least this many To and Cc recipients; 0 turns the check off. */
    public int maxRecipients() {
        return maxRecipients;
    }

    public void setMaxRecipients(int maxRecipients) {
        this.maxRecipients = maxRecipients;
    }

    /** Hold posts larger than this many KiB; 0 turns the check off. */
    public int maxMessageSizeKb() {
        return maxMessageSizeKb;
    }

    public void setMaxMessageSizeKb(int maxMessageSizeKb) {
        this.maxMessageSizeKb = maxMessageSizeKb;
    }

    /** Tell moderators of each held post as it arrives. */
    public boolean adminImmedNotify() {
        return adminImmedNotify;
    }

    public void setAdminImmedNotify(boolean adminImmedNotify) {
        this.adminImmedNotify = adminImmedNotify;
    }

    /**
     * Mailman's bounce_matching_headers: one {@code header: regular expression} per line ({@code #} starts a
     * comment); a post with a matching header is held by the suspicious-header rule. Null when none.
     */
    public String suspiciousHeaders() {
        return suspiciousHeaders;
    }

    public void setSuspiciousHeaders(String suspiciousHeaders) {
        this.suspiciousHeaders = suspiciousHeaders;
    }
}
