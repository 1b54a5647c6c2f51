package dev.quire.db.list;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One change of a membership and why (the audit trail of subscriptions, removals, bounce steps and option changes). */
@Entity
@Table(name = "membership_event")
public class MembershipEvent {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "list_id")
    private MailingList list;

    @Column(nullable = false, length = 254)
    private String address;

    @Column(nullable = false, length = 32)
    private String event;

    @Column(length = 254)
    private String actor;

    @Column(length = 1000)
    private String detail;

    @Column(nullable = false, insertable = false, updatable = false)
    private Instant at;

    protected MembershipEvent() {
    }

    public MembershipEvent(MailingList list, String address, String event, String actor, String detail) {
        this.list = list;
        this.address = address;
        this.event = event;
        this.actor = actor;
        this.detail = detail;
    }

    public Long id() {
        return id;
    }

    public MailingList list() {
        return list;
    }

    public String address() {
        return address;
    }

    public String event() {
        return event;
    }

    /** Who made the change: an address, a user name, or a job; null for the member themself. */
    public String actor() {
        return actor;
    }

    public String detail() {
        return detail;
    }

    public Instant at() {
        return at;
    }
}
