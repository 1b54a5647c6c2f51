package dev.quire.db.user;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Failed logins of one subject ({@code user:NAME} or {@code ip:ADDRESS}) and until when it is locked. */
@Entity
@Table(name = "login_throttle")
public class LoginThrottleEntry {
    @Id
    @Column(length = 300)
    private String subject;

    @Column(nullable = false)
    private int failures;

    @Column(name = "last_failure_at", nullable = false)
    private Instant lastFailureAt;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    protected LoginThrottleEntry() {
    }

    public LoginThrottleEntry(String subject, Instant now) {
        this.subject = subject;
        this.lastFailureAt = now;
    }

    public String subject() {
        return subject;
    }

    public int failures() {
        return failures;
    }

    public Instant lastFailureAt() {
        return lastFailureAt;
    }

    /** Null when not locked. */
    public Instant lockedUntil() {
        return lockedUntil;
    }

    /** Counts one more failure, and locks until the given time (null: no lock). */
    public void failed(Instant now, int failures, Instant lockedUntil) {
        this.failures = failures;
        this.lastFailureAt = now;
        this.lockedUntil = lockedUntil;
    }
}
