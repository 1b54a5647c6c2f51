package dev.quire.cli.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

import org.opentest4j.AssertionFailedError;

/** Waits for a condition that the system under test reaches asynchronously. */
final class Poll {
    private Poll() {
    }

    static void until(String what, Duration timeout, Callable<Boolean> condition) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (condition.call()) {
                return;
            }
            Thread.sleep(200);
        }
        if (!condition.call()) {
            throw new AssertionFailedError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
        }
    }
}
