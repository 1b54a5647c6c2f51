package dev.quire.mta.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RetryScheduleTest {
    @Test
    void doublesFromFiveMinutesAndStopsAtAnHour() {
        RetrySchedule s = new RetrySchedule(Duration.ofMinutes(5), Duration.ofHours(1));
        assertEquals(Duration.ofMinutes(5), s.delayAfter(1));
        assertEquals(Duration.ofMinutes(10), s.delayAfter(2));
        assertEquals(Duration.ofMinutes(20), s.delayAfter(3));
        assertEquals(Duration.ofMinutes(40), s.delayAfter(4));
        assertEquals(Duration.ofHours(1), s.delayAfter(5));
        assertEquals(Duration.ofHours(1), s.delayAfter(500));
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ZERO, Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ofHours(2), Duration.ofHours(1)));
    }
}
