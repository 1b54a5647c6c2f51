package dev.quire.cron.sync;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

import dev.quire.db.jobs.ListRole;
import dev.quire.db.jobs.RosterRepository;
import dev.quire.db.list.MemberRole;
import dev.quire.mail.EmailAddress;
import dev.quire.scheduler.ScheduledTask;
import dev.quire.scheduler.TaskRequest;
import dev.quire.scheduler.TaskResult;

/**
 * {@code membership-sync}: every roster with sources, nightly ({@code quire.jobs.membership-sync.schedule},
 * default 02:30). Run by hand with {@code list} (a posting address), optionally {@code role} and
 * {@code dry-run=true}, it syncs or previews one roster.
 */
@ApplicationScoped
public class MembershipSyncTask implements ScheduledTask {
    /** The job's name. */
    public static final String NAME = "membership-sync";
    private static final int MAX_LINES = 200;

    @Resource(lookup = "java:app/jdbc/quire")
    DataSource dataSource;

    @Inject
    Config config;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String defaultSchedule() {
        return "0 30 2 * * ?";
    }

    /** Syncs or previews one roster now, in the caller's thread (a dry run from the web admin or REST). */
    public SyncReport syncNow(EmailAddress list, MemberRole role, boolean dryRun) throws SQLException {
        long id = new RosterRepository(dataSource).listId(list)
                .orElseThrow(() -> new IllegalArgumentException("no list " + list));
        return sync().sync(new ListRole(id, role), dryRun);
    }

    private MembershipSync sync() {
        return new MembershipSync(dataSource,
                new ExternalDatabases(k -> config.getOptionalValue(k, String.class)),
                new SafetyValve(config.getOptionalValue("quire.sync.valve.share", Double.class).orElse(0.10)))
                .notifying(new OwnerNotice(dataSource,
                        config.getOptionalValue("quire.internal.host", String.class).orElse("127.0.0.1"),
                        config.getOptionalValue("quire.internal.port", Integer.class).orElse(2526),
                        config.getOptionalValue("quire.hostname", String.class).orElse("localhost")));
    }

    @Override
    public TaskResult run(TaskRequest request) throws SQLException {
        MembershipSync sync = sync();
        List<SyncReport> reports;
        if (request.parameter("list").isPresent()) {
            EmailAddress list = EmailAddress.parse(request.parameter("list").get());
            long id = new RosterRepository(dataSource).listId(list)
                    .orElseThrow(() -> new IllegalArgumentException("no list " + list));
            MemberRole role = MemberRole.valueOf(request.parameter("role").orElse("member").toUpperCase(Locale.ROOT));
            reports = List.of(sync.sync(new ListRole(id, role), request.parameter("dry-run").map(Boolean::parseBoolean)
                    .orElse(false)));
        } else {
            reports = sync.syncAll();
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("rosters", (long) reports.size());
        List<String> text = new ArrayList<>();
        boolean attention = false;
        for (SyncReport r : reports) {
            r.counts().forEach((k, v) -> counts.merge(k, v, Long::sum));
            attention |= r.needsAttention();
            text.add(r.describe(MAX_LINES));
        }
        String message = text.isEmpty() ? null : String.join("\n\n", text);
        return attention ? TaskResult.attention(counts, message) : TaskResult.ok(counts, message);
    }
}
