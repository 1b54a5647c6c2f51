package dev.quire.db.pending;

import dev.quire.db.list.MailingList;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A multi-step user flow waiting at a named step, resumed by its token (subscribe, unsubscribe, a held post's moderation by email). */
@Entity
@Table(name = "pending_request")
public class PendingRequest {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 40)
    private String token;

    @ManyToOne(optional = false)
    @JoinColumn(name = "list_id")
    private MailingList list;

    @Column(nullable = false, length = 24)
    private String kind;

    @Column(nullable = false, length = 32)
    private String step;

    @Column(nullable = false, length = 254)
    private String address;

    @Column(name = "display_name", length = 200)
    private String displayName;

    @Column
    private String data;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected PendingRequest() {
    }

    public PendingRequest(String token, MailingList list, String kind, String step, String address, String displayName,
            String data, Instant expiresAt) {
        this.token = token;
        this.list = list;
        this.kind = kind;
        this.step = step;
        this.address = address;
        this.displayName = displayName;
        this.data = data;
        this.expiresAt = expiresAt;
    }

    public Long id() {
        return id;
    }

    public String token() {
        return token;
    }

    public MailingList list() {
        return list;
    }

    public String kind() {
        return kind;
    }

    public String step() {
        return step;
    }

    public void setStep(String step) {
        this.step = step;
    }

    public String address() {
        return address;
    }

    public String displayName() {
        return displayName;
    }

    /** The flow's own fields as JSON; null when it has none. */
    public String data() {
        return data;
    }

    public void setData(String data) {
        this.data = data;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt;
    }
}
