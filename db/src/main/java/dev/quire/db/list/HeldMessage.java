package dev.quire.db.list;

import java.time.Instant;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A post waiting for a moderator, with every reason the posting chain gave for holding it. */
@Entity
@Table(name = "held_message")
public class HeldMessage {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "list_id")
    private MailingList list;

    @Column(length = 254)
    private String sender;

    @Column(name = "message_id", length = 998)
    private String messageId;

    @Column(length = 998)
    private String subject;

    @Column(nullable = false)
    private String reasons;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] raw;

    @Column(name = "held_at", nullable = false, insertable = false, updatable = false)
    private Instant heldAt;

    @Column(name = "notified_at")
    private Instant notifiedAt;

    @Column(name = "reminded_at")
    private Instant remindedAt;

    protected HeldMessage() {
    }

    public HeldMessage(MailingList list, String sender, String messageId, String subject, String reasons,
            byte[] raw) {
        this.list = list;
        this.sender = sender;
        this.messageId = truncate(messageId);
        this.subject = truncate(subject);
        this.reasons = reasons;
        this.raw = raw.clone();
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 998 ? s : s.substring(0, 998);
    }

    public Long id() {
        return id;
    }

    public String reasons() {
        return reasons;
    }

    public String sender() {
        return sender;
    }

    public String subject() {
        return subject;
    }

    public String messageId() {
        return messageId;
    }

    public MailingList list() {
        return list;
    }

    /** The post as it arrived. */
    public byte[] raw() {
        return raw.clone();
    }

    public Instant heldAt() {
        return heldAt;
    }

    public Instant notifiedAt() {
        return notifiedAt;
    }

    public void setNotifiedAt(Instant notifiedAt) {
        this.notifiedAt = notifiedAt;
    }

    public Instant remindedAt() {
        return remindedAt;
    }

    public void setRemindedAt(Instant remindedAt) {
        this.remindedAt = remindedAt;
    }
}
