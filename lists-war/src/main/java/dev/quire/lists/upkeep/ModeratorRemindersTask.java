package dev.quire.lists.upkeep;

import dev.quire.lists.moderation.ModerationService;
import dev.quire.scheduler.ScheduledTask;
import dev.quire.scheduler.TaskRequest;
import dev.quire.scheduler.TaskResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;

/** {@code moderator-reminders}, daily at 08:00: one reminder per list of the posts held longer than a day. */
@ApplicationScoped
public class ModeratorRemindersTask implements ScheduledTask {
    @Inject
    ModerationService moderation;

    @Override
    public String name() {
        return "moderator-reminders";
    }

    @Override
    public String defaultSchedule() {
        return "0 0 8 * * ?";
    }

    @Override
    public TaskResult run(TaskRequest request) throws Exception {
        return TaskResult.ok(Map.of("lists", (long) moderation.remindModerators(Instant.now())));
    }
}
