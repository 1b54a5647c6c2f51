package dev.quire.db.user;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.quire.mail.EmailAddress;

/**
 * An account for the web admin and REST API; the password is stored only as a {@link PasswordHash}. The
 * account's list roles are the member rows with role OWNER or MODERATOR for its {@link #email()}.
 */
@Entity
@Table(name = "site_user")
public class SiteUser {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 100)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "site_admin", nullable = false)
    private boolean siteAdmin;

    @Column(length = 254)
    private String email;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "password_changed_at")
    private Instant passwordChangedAt;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    protected SiteUser() {
    }

    public SiteUser(String username, String passwordHash, boolean siteAdmin, EmailAddress email) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.siteAdmin = siteAdmin;
        this.email = email == null ? null : email.toString();
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public boolean siteAdmin() {
        return siteAdmin;
    }

    /** The address whose OWNER and MODERATOR member rows give this account its list roles; null when none. */
    public EmailAddress email() {
        return email == null ? null : EmailAddress.parse(email);
    }

    public boolean enabled() {
        return enabled;
    }

    /** When the password last changed; sessions that began before it are no longer valid. Null: never. */
    public Instant passwordChangedAt() {
        return passwordChangedAt;
    }

    public Instant lastLoginAt() {
        return lastLoginAt;
    }

    public boolean passwordMatches(char[] password) {
        return PasswordHash.verify(password, passwordHash);
    }

    /** Records a successful login, replacing an imported or weaker hash by Quire's current one. */
    public void loggedIn(char[] password, Instant when) {
        if (PasswordHash.needsUpgrade(passwordHash)) {
            passwordHash = PasswordHash.create(password);
        }
        lastLoginAt = when;
    }

    /** Sets a new password (stored hashed). */
    public void changePassword(char[] password, Instant when) {
        passwordHash = PasswordHash.create(password);
        passwordChangedAt = when;
    }
}
