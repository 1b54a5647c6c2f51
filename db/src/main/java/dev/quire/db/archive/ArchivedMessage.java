package dev.quire.db.archive;

import dev.quire.db.list.MailingList;
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

/** An archived post: its raw form, its place in a thread, and the text that full-text search reads. */
@Entity
@Table(name = "archived_message")
public class ArchivedMessage {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "list_id")
    private MailingList list;

    @Column(name = "message_id", nullable = false, length = 998)
    private String messageId;

    @Column(name = "message_id_hash", nullable = false, length = 32)
    private byte[] messageIdHash;

    @Column(name = "in_reply_to", length = 998)
    private String inReplyTo;

    @Column(name = "thread_id")
    private Long threadId;

    @Column(name = "parent_id")
    private Long parentId;

    @Column(length = 254)
    private String sender;

    @Column(name = "sender_name", length = 200)
    private String senderName;

    @Column(length = 998)
    private String subject;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "archived_at", nullable = false, insertable = false, updatable = false)
    private Instant archivedAt;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "body_text")
    private String bodyText;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] raw;

    protected ArchivedMessage() {
    }

    public ArchivedMessage(MailingList list, String messageId, byte[] messageIdHash, String inReplyTo, String sender,
            String senderName, String subject, Instant sentAt, String bodyText, byte[] raw) {
        this.list = list;
        this.messageId = messageId;
        this.messageIdHash = messageIdHash.clone();
        this.inReplyTo = inReplyTo;
        this.sender = sender;
        this.senderName = senderName;
        this.subject = subject;
        this.sentAt = sentAt;
        this.bodyText = bodyText;
        this.raw = raw.clone();
    }

    public Long id() {
        return id;
    }

    public MailingList list() {
        return list;
    }

    public String messageId() {
        return messageId;
    }

    public byte[] messageIdHash() {
        return messageIdHash == null ? null : messageIdHash.clone();
    }

    public String inReplyTo() {
        return inReplyTo;
    }

    /** The id of the first archived message of the thread; its own id for a thread's start. */
    public Long threadId() {
        return threadId;
    }

    public void setThreadId(Long threadId) {
        this.threadId = threadId;
    }

    public Long parentId() {
        return parentId;
    }

    public void setParentId(Long parentId) {
        this.parentId = parentId;
    }

    public String sender() {
        return sender;
    }

    public String senderName() {
        return senderName;
    }

    public String subject() {
        return subject;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public Instant archivedAt() {
        return archivedAt;
    }

    public String bodyText() {
        return bodyText;
    }

    public byte[] raw() {
        return raw == null ? null : raw.clone();
    }
}
