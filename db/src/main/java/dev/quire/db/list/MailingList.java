package dev.quire.db.list;

import jakarta.persistence.Column;
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
}
