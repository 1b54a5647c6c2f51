package dev.quire.db.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A mail domain that Quire serves. */
@Entity
@Table(name = "domain")
public class Domain {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 253)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private DomainKind kind;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private Instant createdAt;

    protected Domain() {
    }

    public Domain(String name, DomainKind kind) {
        this.name = name.toLowerCase(java.util.Locale.ROOT);
        this.kind = kind;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public DomainKind kind() {
        return kind;
    }
}
