package dev.quire.scheduler;

import java.util.Map;
import java.util.Optional;

/**
 * What a run was asked to do.
 *
 * @param parameters what an admin passed with a run requested by hand (for example {@code list}); empty for
 *        scheduled runs
 * @param manual true when an admin asked for the run
 */
public record TaskRequest(Map<String, String> parameters, boolean manual) {
    public TaskRequest {
        parameters = Map.copyOf(parameters);
    }

    /** A scheduled run. */
    public static TaskRequest scheduled() {
        return new TaskRequest(Map.of(), false);
    }

    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }
}
