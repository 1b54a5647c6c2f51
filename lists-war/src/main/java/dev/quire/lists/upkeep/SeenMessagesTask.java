package dev.quire.lists.upkeep;

import dev.quire.lists.pending.PendingUpkeep;
import dev.quire.lists.posting.AutoResponses;
import dev.quire.scheduler.ScheduledTask;
import dev.quire.scheduler.TaskRequest;
import dev.quire.scheduler.TaskResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * {@code seen-messages}, daily at 04:40: forgets the Message-IDs the loop rule remembers once they are older than
 * {@code quire.lists.seen.keep} (default P30D), and the daily counts of automatic answers of days before yesterday.
 */
@ApplicationScoped
public class SeenMessagesTask implements ScheduledTask {
    @Inject
    PendingUpkeep pending;

    @Inject
    AutoResponses responses;

    @Override
    public String name() {
        return "seen-messages";
    }

    @Override
    public String defaultSchedule() {
        return "0 40 4 * * ?";
    }

    @Override
    public TaskResult run(TaskRequest request) throws Exception {
        long seen = pending.forgetSeen(Instant.now());
        long counts = responses.forgetBefore(LocalDate.now(ZoneOffset.UTC).minusDays(1));
        return TaskResult.ok(Map.of("forgotten", seen, "autoresponse-days", counts));
    }
}
