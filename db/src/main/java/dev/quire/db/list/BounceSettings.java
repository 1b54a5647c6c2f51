package dev.quire.db.list;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Bounce scoring and the disable, warn, remove steps (Mailman's defaults). */
@Embeddable
public class BounceSettings {
    @Column(name = "bounce_processing", nullable = false)
    private boolean bounceProcessing = true;

    @Column(name = "bounce_score_threshold", nullable = false)
    private double bounceScoreThreshold = 5.0;

    @Column(name = "bounce_info_stale_after_days", nullable = false)
    private int bounceInfoStaleAfterDays = 7;

    @Column(name = "bounce_warnings", nullable = false)
    private int bounceWarnings = 3;

    @Column(name = "bounce_warning_interval_days", nullable = false)
    private int bounceWarningIntervalDays = 7;

    @Column(name = "bounce_notify_owner", nullable = false)
    private boolean bounceNotifyOwner = true;

    public boolean bounceProcessing() {
        return bounceProcessing;
    }

    public void setBounceProcessing(boolean bounceProcessing) {
        this.bounceProcessing = bounceProcessing;
    }

    public double bounceScoreThreshold() {
        return bounceScoreThreshold;
    }

    public void setBounceScoreThreshold(double bounceScoreThreshold) {
        this.bounceScoreThreshold = bounceScoreThreshold;
    }

    /** A score older than this starts again from zero. */
    public int bounceInfoStaleAfterDays() {
        return bounceInfoStaleAfterDays;
    }

    public void setBounceInfoStaleAfterDays(int bounceInfoStaleAfterDays) {
        this.bounceInfoStaleAfterDays = bounceInfoStaleAfterDays;
    }

    /** Warnings sent to a disabled member before removal. */
    public int bounceWarnings() {
        return bounceWarnings;
    }

    public void setBounceWarnings(int bounceWarnings) {
        this.bounceWarnings = bounceWarnings;
    }

    public int bounceWarningIntervalDays() {
        return bounceWarningIntervalDays;
    }

    public void setBounceWarningIntervalDays(int bounceWarningIntervalDays) {
        this.bounceWarningIntervalDays = bounceWarningIntervalDays;
    }

    public boolean bounceNotifyOwner() {
        return bounceNotifyOwner;
    }

    public void setBounceNotifyOwner(boolean bounceNotifyOwner) {
        this.bounceNotifyOwner = bounceNotifyOwner;
    }
}
