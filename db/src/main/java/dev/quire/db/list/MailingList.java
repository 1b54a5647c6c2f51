package dev.quire.db.list;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import dev.quire.db.domain.Domain;
import dev.quire.mail.EmailAddress;

/** A mailing list, addressed as {@code name@domain}. */
@Entity
@Table(name = "mailing_list")
public class MailingList {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "domain_id")
    private Domain domain;

    @Column(nullable = false, length = 64)
    private String name;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(name = "subject_prefix", nullable = false, length = 64)
    private String subjectPrefix;

    @Column
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ListStyle style = ListStyle.DISCUSSION;

    @Enumerated(EnumType.STRING)
    @Column(name = "archive_policy", nullable = false, length = 16)
    private ArchivePolicy archivePolicy = ArchivePolicy.PUBLIC;

    @Embedded
    private PostingPolicy posting = new PostingPolicy();

    @Embedded
    private PipelineSettings pipeline = new PipelineSettings();

    @Embedded
    private SubscriptionSettings subscriptions = new SubscriptionSettings();

    @Embedded
    private DigestSettings digests = new DigestSettings();

    @Embedded
    private BounceSettings bounces = new BounceSettings();

    @Column(name = "moderators_reminded_at")
    private java.time.Instant moderatorsRemindedAt;

    @Column(nullable = false)
    private boolean advertised = true;

    protected MailingList() {
    }

    public MailingList(Domain domain, String name, String displayName, String subjectPrefix) {
        this.domain = domain;
        this.name = name;
        this.displayName = displayName;
        this.subjectPrefix = subjectPrefix;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Domain domain() {
        return domain;
    }

    public String displayName() {
        return displayName;
    }

    public String subjectPrefix() {
        return subjectPrefix;
    }

    public String description() {
        return description;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public void setSubjectPrefix(String subjectPrefix) {
        this.subjectPrefix = subjectPrefix;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public ListStyle style() {
        return style;
    }

    public void setStyle(ListStyle style) {
        this.style = style;
    }

    public ArchivePolicy archivePolicy() {
        return archivePolicy;
    }

    public void setArchivePolicy(ArchivePolicy archivePolicy) {
        this.archivePolicy = archivePolicy;
    }

    /** Whether the list is on the public list index and has a public page (Mailman's "advertised"). */
    public boolean advertised() {
        return advertised;
    }

    public void setAdvertised(boolean advertised) {
        this.advertised = advertised;
    }

    /** The settings the posting chain reads. */
    public PostingPolicy posting() {
        return posting;
    }

    /** The settings the pipeline reads. */
    public PipelineSettings pipeline() {
        return pipeline;
    }

    public SubscriptionSettings subscriptions() {
        return subscriptions;
    }

    public DigestSettings digests() {
        return digests;
    }

    public BounceSettings bounces() {
        return bounces;
    }

    /** The posting address. */
    public EmailAddress postingAddress() {
        return EmailAddress.of(name, domain.name());
    }

    /** The address of one of the list's functions, such as {@code -bounces}. */
    public EmailAddress address(ListAddress.Function function) {
        return EmailAddress.of(function.localPart(name), domain.name());
    }

    /** The RFC 2919 List-Id identifier, {@code name.domain}. */
    public String listId() {
        return name + "." + domain.name();
    }

    /** When the moderators were last reminded of posts held longer than a day; null when never. */
    public java.time.Instant moderatorsRemindedAt() {
        return moderatorsRemindedAt;
    }

    public void setModeratorsRemindedAt(java.time.Instant moderatorsRemindedAt) {
        this.moderatorsRemindedAt = moderatorsRemindedAt;
    }
}
