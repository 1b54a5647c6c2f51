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

/** An address banned from a list, or site-wide when it has no list: exact, or a regular expression when the pattern starts with {@code ^}. */
@Entity
@Table(name = "ban")
public class Ban {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = true)
    @JoinColumn(name = "list_id")
    private MailingList list;

    @Column(nullable = false, length = 254)
    private String pattern;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private Instant createdAt;

    protected Ban() {
    }

    public Ban(MailingList list, String pattern) {
        this.list = list;
        this.pattern = pattern;
    }

    public Long id() {
        return id;
    }

    public MailingList list() {
        return list;
    }

    public String pattern() {
        return pattern;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** True when the pattern is a regular expression. */
    public boolean isRegex() {
        return pattern.startsWith("^");
    }
}
