package dev.quire.db.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A local user whose mail is delivered to a Maildir. */
@Entity
@Table(name = "mailbox")
public class Mailbox {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "domain_id")
    private Domain domain;

    @Column(name = "local_part", nullable = false, length = 64)
    private String localPart;

    protected Mailbox() {
    }

    public Mailbox(Domain domain, String localPart) {
        this.domain = domain;
        this.localPart = localPart;
    }

    public Domain domain() {
        return domain;
    }

    public String localPart() {
        return localPart;
    }
}
