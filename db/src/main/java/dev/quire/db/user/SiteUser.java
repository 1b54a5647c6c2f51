package dev.quire.db.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An account for the web admin and REST API; the password is stored only as a {@link PasswordHash}. */
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

    protected SiteUser() {
    }

    public String username() {
        return username;
    }

    public boolean siteAdmin() {
        return siteAdmin;
    }

    public boolean passwordMatches(char[] password) {
        return PasswordHash.verify(password, passwordHash);
    }
}
