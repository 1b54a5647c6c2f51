package dev.quire.scheduler.quartz;

import java.util.Map;

import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

import dev.quire.scheduler.ScheduledTask;

/** Makes the {@link TaskJob} for a fired trigger from the tasks this application registered, by job name. */
final class TaskJobFactory implements JobFactory {
    private final Map<String, ScheduledTask> tasks;
    private final TaskRunner runner;

    TaskJobFactory(Map<String, ScheduledTask> tasks, TaskRunner runner) {
        this.tasks = Map.copyOf(tasks);
        this.runner = runner;
    }

    @Override
    public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
        String name = bundle.getJobDetail().getKey().getName();
        ScheduledTask task = tasks.get(name);
        if (task == null) {
            throw new SchedulerException("no task named " + name + " in scheduler " + scheduler.getSchedulerName());
        }
        return new TaskJob(task, runner);
    }
}
