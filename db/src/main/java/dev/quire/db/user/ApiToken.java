package dev.quire.db.user;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A bearer token for the REST API, acting as one site user; only its {@link SecretHash} is stored. */
@Entity
@Table(name = "api_token")
public class ApiToken {
    /** How every API token begins, so that one found in a log or a repository is recognised. */
    public static final String PREFIX = "qt_";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "site_user_id")
    private SiteUser user;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    protected ApiToken() {
    }

    public ApiToken(SiteUser user, String name, String tokenHash, Instant expiresAt) {
        this.user = user;
        this.name = name;
        this.tokenHash = tokenHash;
        this.expiresAt = expiresAt;
    }

    public SiteUser user() {
        return user;
    }

    public String name() {
        return name;
    }

    /** Null: the token does not expire. */
    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public boolean validAt(Instant now) {
        return expiresAt == null || now.isBefore(expiresAt);
    }

    public void used(Instant when) {
        lastUsedAt = when;
    }
}
