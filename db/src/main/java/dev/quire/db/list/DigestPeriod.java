package dev.quire.db.list;

/** How often a digest goes out at the least. */
public enum DigestPeriod {
    DAILY, WEEKLY, MONTHLY
}
