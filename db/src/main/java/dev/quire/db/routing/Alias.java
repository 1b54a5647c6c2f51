package dev.quire.db.routing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import dev.quire.db.domain.Domain;

/** An alias of a served domain; its targets are written as in an aliases(5) file. */
@Entity
@Table(name = "alias")
public class Alias {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "domain_id")
    private Domain domain;

    @Column(name = "local_part", nullable = false, length = 64)
    private String localPart;

    @Column(nullable = false)
    private String targets;

    protected Alias() {
    }

    public Alias(Domain domain, String localPart, String targets) {
        this.domain = domain;
        this.localPart = localPart;
        this.targets = targets;
    }

    public Domain domain() {
        return domain;
    }

    public String localPart() {
        return localPart;
    }

    /** The targets, comma separated, in aliases(5) syntax. */
    public String targets() {
        return targets;
    }
}
