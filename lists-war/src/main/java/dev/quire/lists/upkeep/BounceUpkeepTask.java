package dev.quire.lists.upkeep;

import dev.quire.lists.bounce.BounceUpkeep;
import dev.quire.scheduler.ScheduledTask;
import dev.quire.scheduler.TaskRequest;
import dev.quire.scheduler.TaskResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;

/** {@code bounce-upkeep}, daily at 03:15: resets stale bounce scores, sends the next warning to members disabled by bounces, and removes those warned enough (the owners told). */
@ApplicationScoped
public class BounceUpkeepTask implements ScheduledTask {
    @Inject
    BounceUpkeep upkeep;

    @Override
    public String name() {
        return "bounce-upkeep";
    }

    @Override
    public String defaultSchedule() {
        return "0 15 3 * * ?";
    }

    @Override
    public TaskResult run(TaskRequest request) throws Exception {
        BounceUpkeep.Counts c = upkeep.run(Instant.now());
        return TaskResult
                .ok(Map.of("reset", (long) c.reset(), "warned", (long) c.warned(), "removed", (long) c.removed()));
    }
}
