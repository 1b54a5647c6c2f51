package dev.quire.mta.enumerate;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.quire.mta.config.MtaSettings;
import dev.quire.scheduler.ScheduledTask;
import dev.quire.scheduler.TaskRequest;
import dev.quire.scheduler.TaskResult;

/**
 * {@code address-file}: writes {@code addresses} and {@code relay_recipients} under {@code quire.addresses.dir}
 * (default {@code <data dir>/addresses}) every 15 minutes ({@code quire.jobs.address-file.schedule}).
 */
@ApplicationScoped
public class AddressFileTask implements ScheduledTask {
    /** The plus-address delimiter the router applies to mailboxes and list VERP/confirm addresses. */
    static final char DELIMITER = '+';

    @Inject
    AddressEnumerator enumerator;

    @Inject
    MtaSettings settings;

    @Inject
    @ConfigProperty(name = "quire.addresses.dir")
    Optional<String> directory;

    @Override
    public String name() {
        return "address-file";
    }

    @Override
    public String defaultSchedule() {
        return "0 */15 * * * ?";
    }

    /** Where the files are written. */
    public Path directory() {
        return directory.map(Path::of).orElse(settings.dataDir().resolve("addresses"));
    }

    @Override
    public TaskResult run(TaskRequest request) throws Exception {
        TreeSet<String> addresses = enumerator.enumerate(null);
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("addresses", (long) addresses.size());
        long replaced = 0;
        for (AddressFormat format : AddressFormat.values()) {
            if (AddressFile.write(directory(), format.fileName(), format.render(addresses, DELIMITER))) {
                replaced++;
            }
        }
        counts.put("files_replaced", replaced);
        return TaskResult.ok(counts);
    }
}
