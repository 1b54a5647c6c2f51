package dev.quire.mta.queue;

import java.time.Duration;

/**
 * Exponential backoff: the first retry after {@code min}, each later one after twice the previous, never
 * more than {@code max} (Postfix's minimal and maximal backoff times).
 */
public record RetrySchedule(Duration min, Duration max) {
    public RetrySchedule {
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("retry schedule needs 0 < min <= max: " + min + ", " + max);
        }
    }

    /** The wait before the next attempt, after the given number of attempts (1 or more). */
    public Duration delayAfter(int attempts) {
        Duration d = min;
        for (int i = 1; i < attempts && d.compareTo(max) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(max) > 0 ? max : d;
    }
}
