package dev.quire.db.user;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An account that may send through the submission listeners with SMTP AUTH. */
@Entity
@Table(name = "smtp_user")
public class SmtpUser {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 254)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    protected SmtpUser() {
    }

    public SmtpUser(String username, String passwordHash) {
        this.username = username;
        this.passwordHash = passwordHash;
    }

    public String username() {
        return username;
    }

    public boolean enabled() {
        return enabled;
    }

    public String passwordHash() {
        return passwordHash;
    }

    /** Records a successful login, replacing an imported or weaker hash by Quire's current one. */
    public void loggedIn(char[] password, Instant when) {
        if (PasswordHash.needsUpgrade(passwordHash)) {
            passwordHash = PasswordHash.create(password);
        }
        lastLoginAt = when;
    }
}
