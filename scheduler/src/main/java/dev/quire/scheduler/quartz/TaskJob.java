package dev.quire.scheduler.quartz;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

import dev.quire.scheduler.ScheduledTask;

/** The one Quartz job: a trigger that calls the task owning the work, through the run recorder. */
@DisallowConcurrentExecution
final class TaskJob implements Job {
    private final ScheduledTask task;
    private final TaskRunner runner;

    TaskJob(ScheduledTask task, TaskRunner runner) {
        this.task = task;
        this.runner = runner;
    }

    @Override
    public void execute(JobExecutionContext context) {
        runner.run(task, context);
    }
}
