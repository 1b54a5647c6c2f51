package dev.quire.lists.upkeep;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.quire.lists.moderation.ModerationService;
import dev.quire.scheduler.ScheduledTask;
import dev.quire.scheduler.TaskRequest;
import dev.quire.scheduler.TaskResult;

/**
 * {@code held-expiry}, daily at 05:10: rejects posts held longer than {@code quire.lists.held.max-age}
 * (default P30D), telling each sender that nobody moderated the post in time.
 */
@ApplicationScoped
public class HeldExpiryTask implements ScheduledTask {
    @Inject
    ModerationService moderation;

    @Inject
    @ConfigProperty(name = "quire.lists.held.max-age", defaultValue = "P30D")
    Duration maxAge;

    @Override
    public String name() {
        return "held-expiry";
    }

    @Override
    public String defaultSchedule() {
        return "0 10 5 * * ?";
    }

    @Override
    public TaskResult run(TaskRequest request) throws Exception {
        return TaskResult.ok(Map.of("expired", (long) moderation.expireHeld(Instant.now().minus(maxAge))));
    }
}
