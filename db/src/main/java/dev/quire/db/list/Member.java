package dev.quire.db.list;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import dev.quire.mail.EmailAddress;

/** One address's membership of one list in one role. */
@Entity
@Table(name = "member")
public class Member {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "list_id")
    private MailingList list;

    @Column(nullable = false, length = 254)
    private String address;

    @Column(name = "display_name", length = 200)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private MemberRole role;

    @Column(name = "delivery_enabled", nullable = false)
    private boolean deliveryEnabled = true;

    @Column(name = "subscribed_at", nullable = false, insertable = false, updatable = false)
    private Instant subscribedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "moderation_action", length = 16)
    private Action moderationAction;

    @Enumerated(EnumType.STRING)
    @Column(name = "delivery_mode", nullable = false, length = 16)
    private DeliveryMode deliveryMode = DeliveryMode.REGULAR;

    @Column(name = "acknowledge_posts", nullable = false)
    private boolean acknowledgePosts;

    @Column(name = "receive_own_postings", nullable = false)
    private boolean receiveOwnPostings = true;

    @Column(name = "hide_address", nullable = false)
    private boolean hideAddress = true;

    @Enumerated(EnumType.STRING)
    @Column(name = "disabled_reason", length = 16)
    private DisabledReason disabledReason;

    @Column(name = "disabled_at")
    private Instant disabledAt;

    @Column(name = "bounce_score", nullable = false)
    private double bounceScore;

    @Column(name = "last_bounce_at")
    private Instant lastBounceAt;

    @Column(name = "bounce_warnings_sent", nullable = false)
    private int bounceWarningsSent;

    @Column(name = "last_warning_at")
    private Instant lastWarningAt;

    protected Member() {
    }

    public Member(MailingList list, EmailAddress address, MemberRole role) {
        this.list = list;
        this.address = address.toString();
        this.role = role;
    }

    public EmailAddress address() {
        return EmailAddress.parse(address);
    }

    public MemberRole role() {
        return role;
    }

    public boolean deliveryEnabled() {
        return deliveryEnabled;
    }

    public Long id() {
        return id;
    }

    public MailingList list() {
        return list;
    }

    public String displayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public Instant subscribedAt() {
        return subscribedAt;
    }

    /** Turns delivery off for a reason, or on again with {@code null}. */
    public void disable(DisabledReason reason, Instant at) {
        this.deliveryEnabled = reason == null;
        this.disabledReason = reason;
        this.disabledAt = reason == null ? null : at;
    }

    public DisabledReason disabledReason() {
        return disabledReason;
    }

    public Instant disabledAt() {
        return disabledAt;
    }

    /** The member's own moderation action; null means the list's default. */
    public Action moderationAction() {
        return moderationAction;
    }

    public void setModerationAction(Action moderationAction) {
        this.moderationAction = moderationAction;
    }

    public DeliveryMode deliveryMode() {
        return deliveryMode;
    }

    public void setDeliveryMode(DeliveryMode deliveryMode) {
        this.deliveryMode = deliveryMode;
    }

    public boolean acknowledgePosts() {
        return acknowledgePosts;
    }

    public void setAcknowledgePosts(boolean acknowledgePosts) {
        this.acknowledgePosts = acknowledgePosts;
    }

    /** False for "not-metoo": the member does not get copies of their own posts. */
    public boolean receiveOwnPostings() {
        return receiveOwnPostings;
    }

    public void setReceiveOwnPostings(boolean receiveOwnPostings) {
        this.receiveOwnPostings = receiveOwnPostings;
    }

    /** True when the address is left out of the roster shown to other members. */
    public boolean hideAddress() {
        return hideAddress;
    }

    public void setHideAddress(boolean hideAddress) {
        this.hideAddress = hideAddress;
    }

    public double bounceScore() {
        return bounceScore;
    }

    public Instant lastBounceAt() {
        return lastBounceAt;
    }

    /** Sets the bounce score and when the last bounce that counted arrived. */
    public void setBounceScore(double bounceScore, Instant lastBounceAt) {
        this.bounceScore = bounceScore;
        this.lastBounceAt = lastBounceAt;
    }

    public int bounceWarningsSent() {
        return bounceWarningsSent;
    }

    public Instant lastWarningAt() {
        return lastWarningAt;
    }

    /** Records a warning sent to a member disabled by bounces; {@code 0, null} resets. */
    public void setBounceWarnings(int sent, Instant lastAt) {
        this.bounceWarningsSent = sent;
        this.lastWarningAt = lastAt;
    }

    // Membership sync (V4__jobs.sql): Sympa's "subscribed" and "included" facts.

    @Column(name = "subscribed_by_hand", nullable = false)
    private boolean subscribedByHand = true;

    @Column(name = "sync_source_id")
    private Long syncSourceId;

    /** True when someone subscribed this member by hand: a sync never removes such a member. */
    public boolean subscribedByHand() {
        return subscribedByHand;
    }

    /** The sync source that last returned this member, or null when none did. */
    public Long syncSourceId() {
        return syncSourceId;
    }

    /** Records that an owner (or the member) subscribed this address by hand. */
    public void markSubscribedByHand() {
        this.subscribedByHand = true;
    }
}
