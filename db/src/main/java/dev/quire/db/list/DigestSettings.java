package dev.quire.db.list;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/** When digests go out and their numbering. */
@Embeddable
public class DigestSettings {
    @Column(name = "digests_enabled", nullable = false)
    private boolean digestsEnabled = true;

    @Column(name = "digest_size_threshold_kb", nullable = false)
    private int digestSizeThresholdKb = 30;

    @Enumerated(EnumType.STRING)
    @Column(name = "digest_period", nullable = false, length = 16)
    private DigestPeriod digestPeriod = DigestPeriod.DAILY;

    @Column(name = "digest_volume", nullable = false)
    private int digestVolume = 1;

    @Column(name = "digest_issue", nullable = false)
    private int digestIssue = 1;

    @Column(name = "digest_last_sent_at")
    private Instant digestLastSentAt;

    public boolean digestsEnabled() {
        return digestsEnabled;
    }

    public void setDigestsEnabled(boolean digestsEnabled) {
        this.digestsEnabled = digestsEnabled;
    }

    /** Send the digest once the pending posts reach this size. */
    public int digestSizeThresholdKb() {
        return digestSizeThresholdKb;
    }

    public void setDigestSizeThresholdKb(int digestSizeThresholdKb) {
        this.digestSizeThresholdKb = digestSizeThresholdKb;
    }

    /** Send whatever is pending at least this often. */
    public DigestPeriod digestPeriod() {
        return digestPeriod;
    }

    public void setDigestPeriod(DigestPeriod digestPeriod) {
        this.digestPeriod = digestPeriod;
    }

    public int digestVolume() {
        return digestVolume;
    }

    public void setDigestVolume(int digestVolume) {
        this.digestVolume = digestVolume;
    }

    public int digestIssue() {
        return digestIssue;
    }

    public void setDigestIssue(int digestIssue) {
        this.digestIssue = digestIssue;
    }

    public Instant digestLastSentAt() {
        return digestLastSentAt;
    }

    public void setDigestLastSentAt(Instant digestLastSentAt) {
        this.digestLastSentAt = digestLastSentAt;
    }
}
