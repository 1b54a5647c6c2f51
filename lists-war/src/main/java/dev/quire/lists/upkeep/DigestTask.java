package dev.quire.lists.upkeep;

import dev.quire.lists.digest.DigestService;
import dev.quire.scheduler.ScheduledTask;
import dev.quire.scheduler.TaskRequest;
import dev.quire.scheduler.TaskResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;

/** {@code digests}, daily at 00:05: sends each list's pending digest whose period (daily, weekly, monthly) has come, whatever its size. */
@ApplicationScoped
public class DigestTask implements ScheduledTask {
    @Inject
    DigestService digests;

    @Override
    public String name() {
        return "digests";
    }

    @Override
    public String defaultSchedule() {
        return "0 5 0 * * ?";
    }

    @Override
    public TaskResult run(TaskRequest request) throws Exception {
        return TaskResult.ok(Map.of("sent", (long) digests.sendPeriodic(Instant.now())));
    }
}
