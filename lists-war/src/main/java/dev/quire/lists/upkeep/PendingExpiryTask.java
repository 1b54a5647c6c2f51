package dev.quire.lists.upkeep;

import dev.quire.lists.pending.PendingUpkeep;
import dev.quire.scheduler.ScheduledTask;
import dev.quire.scheduler.TaskRequest;
import dev.quire.scheduler.TaskResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;

/** {@code pending-expiry}, hourly: deletes pending requests (confirmations, approvals, re-enable and moderation tokens) whose token expired. */
@ApplicationScoped
public class PendingExpiryTask implements ScheduledTask {
    @Inject
    PendingUpkeep pending;

    @Override
    public String name() {
        return "pending-expiry";
    }

    @Override
    public String defaultSchedule() {
        return "0 20 * * * ?";
    }

    @Override
    public TaskResult run(TaskRequest request) throws Exception {
        return TaskResult.ok(Map.of("expired", (long) pending.expire(Instant.now())));
    }
}
