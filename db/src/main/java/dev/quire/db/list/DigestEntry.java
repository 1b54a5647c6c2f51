package dev.quire.db.list;

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
import java.time.Instant;

/** A post waiting for the next digest of its list. */
@Entity
@Table(name = "digest_entry")
public class DigestEntry {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "list_id")
    private MailingList list;

    @Column(length = 254)
    private String sender;

    @Column(length = 998)
    private String subject;

    @Column(nullable = false)
    private int size;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] raw;

    @Column(name = "added_at", nullable = false, insertable = false, updatable = false)
    private Instant addedAt;

    protected DigestEntry() {
    }

    public DigestEntry(MailingList list, String sender, String subject, byte[] raw) {
        this.list = list;
        this.sender = sender;
        this.subject = subject;
        this.raw = raw.clone();
        this.size = raw.length;
    }

    public Long id() {
        return id;
    }

    public MailingList list() {
        return list;
    }

    public String sender() {
        return sender;
    }

    public String subject() {
        return subject;
    }

    public int size() {
        return size;
    }

    public byte[] raw() {
        return raw == null ? null : raw.clone();
    }

    public Instant addedAt() {
        return addedAt;
    }
}
