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
