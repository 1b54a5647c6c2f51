package dev.quire.mta.upkeep;

import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.mta.config.MtaSettings;
import dev.quire.mta.queue.QueueManager;
import dev.quire.scheduler.ScheduledTask;
import dev.quire.scheduler.TaskRequest;
import dev.quire.scheduler.TaskResult;

/**
 * {@code slow-queue}: every 15 minutes ({@code quire.jobs.slow-queue.schedule}) moves deferred mail that arrived
 * longer ago than {@code quire.queue.slow.after} (default one day) to the slow queue, where fewer workers retry it
 * less often. The queue manager also moves such mail after its next failed attempt; this job does it without
 * waiting for that attempt.
 */
@ApplicationScoped
public class SlowQueueTask implements ScheduledTask {
    @Inject
    QueueManager queue;

    @Inject
    MtaSettings settings;

    @Override
    public String name() {
        return "slow-queue";
    }

    @Override
    public String defaultSchedule() {
        return "0 */15 * * * ?";
    }

    @Override
    public TaskResult run(TaskRequest request) throws Exception {
        long moved = queue.moveToSlow(Instant.now().minus(settings.slowAfter())).size();
        return TaskResult.ok(Map.of("moved", moved));
    }
}
