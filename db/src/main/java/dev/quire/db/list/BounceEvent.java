package dev.quire.db.list;

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
import java.time.Instant;

/** A bounce received for one of a list's members: how it was recognized and what it said. */
@Entity
@Table(name = "bounce_event")
public class BounceEvent {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "list_id")
    private MailingList list;

    @Column(nullable = false, length = 254)
    private String address;

    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private BounceMethod method;

    @Column(nullable = false)
    private boolean permanent;

    @Column(length = 16)
    private String status;

    @Column(length = 1000)
    private String diagnostic;

    @Column(name = "message_id", length = 998)
    private String messageId;

    @Column(nullable = false)
    private boolean processed;

    protected BounceEvent() {
    }

    public BounceEvent(MailingList list, String address, BounceMethod method, boolean permanent, String status,
            String diagnostic, String messageId) {
        this(list, address, method, permanent, status, diagnostic, messageId, Instant.now());
    }

    /** A bounce event received at a given time (the bounce processor's clock). */
    public BounceEvent(MailingList list, String address, BounceMethod method, boolean permanent, String status,
            String diagnostic, String messageId, Instant receivedAt) {
        this.receivedAt = receivedAt;
        this.list = list;
        this.address = address;
        this.method = method;
        this.permanent = permanent;
        this.status = status;
        this.diagnostic = diagnostic;
        this.messageId = messageId;
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

    public Instant receivedAt() {
        return receivedAt;
    }

    public BounceMethod method() {
        return method;
    }

    public boolean permanent() {
        return permanent;
    }

    /** The enhanced status code, such as 5.1.1, when the bounce gave one. */
    public String status() {
        return status;
    }

    public String diagnostic() {
        return diagnostic;
    }

    public String messageId() {
        return messageId;
    }

    public boolean processed() {
        return processed;
    }

    public void setProcessed(boolean processed) {
        this.processed = processed;
    }
}
