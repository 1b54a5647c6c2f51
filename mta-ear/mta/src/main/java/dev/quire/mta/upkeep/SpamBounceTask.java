package dev.quire.mta.upkeep;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.quire.mta.config.MtaSettings;
import dev.quire.mta.spool.Spool;
import dev.quire.scheduler.ScheduledTask;
import dev.quire.scheduler.TaskRequest;
import dev.quire.scheduler.TaskResult;

/**
 * {@code spam-bounces}: every 15 minutes ({@code quire.jobs.spam-bounces.schedule}) removes from the queue the
 * notifications this MTA generated for mail scored as spam ({@code X-Spam-Score} at or above
 * {@code quire.spam-bounces.threshold}, default 5.0, or {@code X-Spam-Flag: YES}).
 */
@ApplicationScoped
public class SpamBounceTask implements ScheduledTask {
    @Inject
    Spool spool;

    @Inject
    MtaSettings settings;

    @Inject
    @ConfigProperty(name = "quire.spam-bounces.threshold", defaultValue = "5.0")
    double threshold;

    @Override
    public String name() {
        return "spam-bounces";
    }

    @Override
    public String defaultSchedule() {
        return "0 */15 * * * ?";
    }

    @Override
    public TaskResult run(TaskRequest request) throws Exception {
        SpamBounces.Sweep sweep = new SpamBounces(spool, settings.hostname(), threshold).sweep();
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("notifications", sweep.notifications());
        counts.put("removed", sweep.removed());
        return TaskResult.ok(counts);
    }
}
