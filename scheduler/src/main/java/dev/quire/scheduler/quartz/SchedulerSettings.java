package dev.quire.scheduler.quartz;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a scheduler runs, and where each task's schedule comes from.
 *
 * @param threads worker threads ({@code quire.scheduler.threads}, default 2)
 * @param checkinInterval how often a node tells the cluster it is alive
 *        ({@code quire.scheduler.cluster.checkin}, default PT7.5S); a node silent for longer loses its running
 *        jobs' triggers to the others
 * @param misfireThreshold how late a fire time may start and still count as on time
 *        ({@code quire.scheduler.misfire.threshold}, default PT60S); later ones run once, as catch-up
 * @param idleWait how long an idle node waits before looking for due triggers again
 *        ({@code quire.scheduler.idle.wait}, default PT5S): the delay before another node picks up a run requested
 *        by hand
 * @param startDelay how long after the application is deployed the scheduler begins to fire
 *        ({@code quire.scheduler.start.delay}, default PT0S); the scheduler is started only once the deployment is
 *        complete ({@code SchedulerStart}), so no delay is needed for that
 * @param config the configuration, for {@code quire.jobs.<name>.schedule}
 */
public record SchedulerSettings(int threads, Duration checkinInterval, Duration misfireThreshold, Duration idleWait,
        Duration startDelay, Function<String, Optional<String>> config) {

    /** The settings from configuration, with the defaults above. */
    public static SchedulerSettings from(Function<String, Optional<String>> config) {
        return new SchedulerSettings(config.apply("quire.scheduler.threads").map(Integer::parseInt).orElse(2),
                duration(config, "quire.scheduler.cluster.checkin", "PT7.5S"),
                duration(config, "quire.scheduler.misfire.threshold", "PT60S"),
                duration(config, "quire.scheduler.idle.wait", "PT5S"),
                duration(config, "quire.scheduler.start.delay", "PT0S"), config);
    }

    private static Duration duration(Function<String, Optional<String>> config, String key, String fallback) {
        return Duration.parse(config.apply(key).orElse(fallback));
    }

    /** The configured schedule of a task, if any ({@code quire.jobs.<name>.schedule}). */
    public Optional<String> schedule(String taskName) {
        return config.apply("quire.jobs." + taskName + ".schedule").map(String::strip);
    }
}
