package dev.quire.scheduler.quartz;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.core.QuartzScheduler;
import org.quartz.core.QuartzSchedulerResources;
import org.quartz.impl.StdJobRunShellFactory;
import org.quartz.impl.StdScheduler;
import org.quartz.impl.jdbcjobstore.InvalidConfigurationException;
import org.quartz.impl.jdbcjobstore.JobStoreTX;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.simpl.CascadingClassLoadHelper;
import org.quartz.utils.DBConnectionManager;

import dev.quire.db.jobs.JobRunRepository;
import dev.quire.scheduler.JobSchedule;
import dev.quire.scheduler.ScheduledTask;

/**
 * One application's Quartz scheduler: JDBC job store on Quire's database, clustered, threads from the given
 * factory. Each registered task becomes a durable job named after it, with a cron trigger when it has a schedule.
 * Built directly rather than through {@code StdSchedulerFactory}, so that the container's thread factory and data
 * source are passed as objects and two schedulers of one name can live in one JVM (a test's two nodes).
 */
public final class ClusteredScheduler implements AutoCloseable {
    /** The job and trigger group of Quire's tasks. */
    static final String GROUP = "quire";
    /** The schedule that means "only when an admin asks". */
    public static final String OFF = "off";
    private static final Logger LOG = Logger.getLogger(ClusteredScheduler.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Scheduler scheduler;
    private final String name;
    private final String node;
    private final Map<String, ScheduledTask> tasks;
    private final SchedulerSettings settings;
    private final DataSource dataSource;
    private final ThreadFactory threads;
    private final Map<String, Scheduler> clients = new ConcurrentHashMap<>();

    private ClusteredScheduler(Scheduler scheduler, String name, String node, Map<String, ScheduledTask> tasks,
            SchedulerSettings settings, DataSource dataSource, ThreadFactory threads) {
        this.scheduler = scheduler;
        this.name = name;
        this.node = node;
        this.tasks = tasks;
        this.settings = settings;
        this.dataSource = dataSource;
        this.threads = threads;
    }

    /**
     * Builds the scheduler and registers the tasks (not started yet).
     *
     * @param name the scheduler's name, the same on every node of one application ({@code quire-lists})
     */
    public static ClusteredScheduler create(String name, Collection<? extends ScheduledTask> tasks,
            DataSource dataSource, ThreadFactory threads, SchedulerSettings settings) throws SchedulerException {
        Map<String, ScheduledTask> byName = new HashMap<>();
        for (ScheduledTask t : tasks) {
            if (byName.putIfAbsent(t.name(), t) != null) {
                throw new SchedulerException("two tasks are named " + t.name());
            }
        }
        String node = nodeId();
        TaskRunner runner = new TaskRunner(new JobRunRepository(dataSource), name, node);
        Scheduler scheduler = build(name, node, dataSource, threads, settings, settings.threads());
        scheduler.setJobFactory(new TaskJobFactory(byName, runner));
        ClusteredScheduler s = new ClusteredScheduler(scheduler, name, node, Map.copyOf(byName), settings,
                dataSource, threads);
        s.register();
        return s;
    }

    private static String nodeId() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "localhost";
        }
        return host + "-" + Long.toString(RANDOM.nextLong() >>> 1, 36).substring(0, 8);
    }

    private static Scheduler build(String name, String node, DataSource dataSource, ThreadFactory threads,
            SchedulerSettings settings, int workers) throws SchedulerException {
        String connections = name + "@" + node;
        DBConnectionManager.getInstance().addConnectionProvider(connections,
                new DataSourceConnectionProvider(dataSource));
        ManagedThreadExecutor executor = new ManagedThreadExecutor(threads);
        ManagedThreadPool pool = new ManagedThreadPool(threads, workers);
        pool.initialize();

        JobStoreTX store = new JobStoreTX();
        store.setDataSource(connections);
        store.setTablePrefix("QRTZ_");
        try {
            store.setDriverDelegateClass(StdJDBCDelegate.class.getName());
        } catch (InvalidConfigurationException e) {
            throw new SchedulerException(e.getMessage(), e);
        }
        store.setUseProperties("true");
        store.setIsClustered(true);
        store.setClusterCheckinInterval(settings.checkinInterval().toMillis());
        store.setMisfireThreshold(settings.misfireThreshold().toMillis());
        store.setInstanceId(node);
        store.setInstanceName(name);
        store.setThreadExecutor(executor);
        store.setThreadPoolSize(workers);

        QuartzSchedulerResources resources = new QuartzSchedulerResources();
        resources.setName(name);
        resources.setInstanceId(node);
        resources.setThreadName(name + "_QuartzSchedulerThread");
        StdJobRunShellFactory shells = new StdJobRunShellFactory();
        resources.setJobRunShellFactory(shells);
        resources.setThreadPool(pool);
        resources.setThreadExecutor(executor);
        resources.setJobStore(store);
        resources.setMakeSchedulerThreadDaemon(true);
        resources.setMaxBatchSize(1);

        QuartzScheduler quartz = new QuartzScheduler(resources, settings.idleWait().toMillis(), -1);
        CascadingClassLoadHelper classes = new CascadingClassLoadHelper();
        classes.initialize();
        store.initialize(classes, quartz.getSchedulerSignaler());
        Scheduler scheduler = new StdScheduler(quartz);
        shells.initialize(scheduler);
        quartz.initialize();
        return scheduler;
    }

    /** Stores a job per task and its trigger as configured; removes this scheduler's jobs that no task has. */
    private void register() throws SchedulerException {
        for (ScheduledTask task : tasks.values()) {
            JobDetail job = JobBuilder.newJob(TaskJob.class).withIdentity(task.name(), GROUP).storeDurably()
                    .withDescription(task.getClass().getName()).build();
            scheduler.addJob(job, true);
            String schedule = settings.schedule(task.name()).orElse(task.defaultSchedule());
            TriggerKey key = TriggerKey.triggerKey(task.name(), GROUP);
            if (OFF.equalsIgnoreCase(schedule)) {
                scheduler.unscheduleJob(key);
                continue;
            }
            if (!CronExpression.isValidExpression(schedule)) {
                throw new SchedulerException("quire.jobs." + task.name() + ".schedule: not a Quartz cron expression: "
                        + schedule);
            }
            Trigger existing = scheduler.getTrigger(key);
            if (existing instanceof CronTrigger cron && cron.getCronExpression().equals(schedule)) {
                continue;
            }
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity(key).forJob(job)
                    .withSchedule(
                            CronScheduleBuilder.cronSchedule(schedule).withMisfireHandlingInstructionFireAndProceed())
                    .build();
            try {
                if (existing == null) {
                    scheduler.scheduleJob(trigger);
                } else {
                    scheduler.rescheduleJob(key, trigger);
                }
            } catch (ObjectAlreadyExistsException e) {
                scheduler.rescheduleJob(key, trigger); // another node registered it a moment ago
            }
            LOG.info(() -> name + ": job " + task.name() + " scheduled '" + schedule + "'");
        }
        for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
            if (!tasks.containsKey(key.getName())) {
                scheduler.deleteJob(key);
            }
        }
    }

    /** Starts firing after the configured start delay. */
    public void start() throws SchedulerException {
        long seconds = settings.startDelay().toSeconds();
        if (seconds > 0) {
            scheduler.startDelayed((int) seconds);
        } else {
            scheduler.start();
        }
    }

    /** The scheduler's name, shared by every node of the application. */
    public String name() {
        return name;
    }

    /** This node's instance id. */
    public String node() {
        return node;
    }

    /** The names of the tasks this application registered. */
    public Set<String> taskNames() {
        return tasks.keySet();
    }

    /**
     * Asks for a run of a job now, in whichever application's scheduler owns it (all share the job store): any
     * node of that application picks it up. Returns the request id that the run's record will carry.
     *
     * @throws SchedulerException when no scheduler has a job of that name
     */
    public String requestRun(String job, Map<String, String> parameters) throws SchedulerException {
        String owner = tasks.containsKey(job) ? name : ownerOf(job);
        Scheduler target = owner.equals(name) ? scheduler : client(owner);
        String request = UUID.randomUUID().toString();
        JobDataMap data = new JobDataMap();
        data.putAll(parameters);
        data.put(TaskRunner.REQUEST, request);
        target.triggerJob(JobKey.jobKey(job, GROUP), data);
        return request;
    }

    /** Every job of every application in the job store: scheduler name to job names. */
    public Map<String, List<String>> jobs() throws SchedulerException {
        Map<String, List<String>> out = new HashMap<>();
        for (JobSchedule j : schedules()) {
            out.computeIfAbsent(j.scheduler(), k -> new ArrayList<>()).add(j.job());
        }
        return out;
    }

    /** Every job of every application with its schedule and next fire time, by scheduler and job name. */
    public List<JobSchedule> schedules() throws SchedulerException {
        List<JobSchedule> out = new ArrayList<>();
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement("SELECT j.SCHED_NAME, j.JOB_NAME, ct.CRON_EXPRESSION, t.NEXT_FIRE_TIME"
                        + " FROM QRTZ_JOB_DETAILS j LEFT JOIN QRTZ_TRIGGERS t ON t.SCHED_NAME = j.SCHED_NAME"
                        + " AND t.TRIGGER_NAME = j.JOB_NAME AND t.TRIGGER_GROUP = j.JOB_GROUP"
                        + " LEFT JOIN QRTZ_CRON_TRIGGERS ct ON ct.SCHED_NAME = t.SCHED_NAME"
                        + " AND ct.TRIGGER_NAME = t.TRIGGER_NAME AND ct.TRIGGER_GROUP = t.TRIGGER_GROUP"
                        + " WHERE j.JOB_GROUP = ? ORDER BY j.SCHED_NAME, j.JOB_NAME")) {
            s.setString(1, GROUP);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    long next = rs.getLong(4);
                    boolean scheduled = !rs.wasNull() && next > 0;
                    String cron = rs.getString(3);
                    out.add(new JobSchedule(rs.getString(1), rs.getString(2), cron == null ? OFF : cron,
                            scheduled ? java.time.Instant.ofEpochMilli(next) : null));
                }
            }
        } catch (SQLException e) {
            throw new SchedulerException("cannot read the job store", e);
        }
        return out;
    }

    private String ownerOf(String job) throws SchedulerException {
        for (Map.Entry<String, List<String>> e : jobs().entrySet()) {
            if (e.getValue().contains(job)) {
                return e.getKey();
            }
        }
        throw new SchedulerException("no scheduled job is named " + job);
    }

    /** A scheduler of another application's name that is never started: it only stores triggers. */
    private Scheduler client(String owner) throws SchedulerException {
        Scheduler c = clients.get(owner);
        if (c == null) {
            c = build(owner, node, dataSource, threads, settings, 1);
            clients.put(owner, c);
        }
        return c;
    }

    @Override
    public void close() throws SchedulerException {
        for (Scheduler c : clients.values()) {
            c.shutdown(false);
        }
        scheduler.shutdown(true);
    }
}
