package dev.quire.lists.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final LoginThrottle.Policy policy = new LoginThrottle.Policy(5, 20, Duration.ofSeconds(30),
            Duration.ofMinutes(15), Duration.ofHours(1));

    @Test
    void theFirstFailuresAreFreeThenTheDelayDoublesUpToTheMaximum() {
        assertEquals(Duration.ZERO, policy.lockAfter(4, 5));
        assertEquals(Duration.ofSeconds(30), policy.lockAfter(5, 5));
        assertEquals(Duration.ofSeconds(60), policy.lockAfter(6, 5));
        assertEquals(Duration.ofSeconds(120), policy.lockAfter(7, 5));
        assertEquals(Duration.ofMinutes(15), policy.lockAfter(12, 5));
        assertEquals(Duration.ofMinutes(15), policy.lockAfter(10_000, 5), "no overflow on endless guessing");
    }

    @Test
    void userNamesAreCountedWithoutRegardToCaseAndAddressesApart() {
        assertEquals(LoginThrottle.userSubject(" Admin "), LoginThrottle.userSubject("admin"));
        assertTrue(LoginThrottle.ipSubject("192.0.2.1").startsWith("ip:"));
        assertTrue(LoginThrottle.userSubject("x".repeat(1000)).length() <= 300, "fits the column");
    }
}
