package dev.quire.scheduler;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a run did: counts of what it changed, and a message when an admin should read something.
 *
 * @param attention true when the run finished but something needs an admin (recorded as WARNING)
 */
public record TaskResult(boolean attention, Map<String, Long> counts, String message) {
    public TaskResult {
        counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    public static TaskResult ok(Map<String, Long> counts) {
        return new TaskResult(false, counts, null);
    }

    public static TaskResult ok(Map<String, Long> counts, String message) {
        return new TaskResult(false, counts, message);
    }

    public static TaskResult attention(Map<String, Long> counts, String message) {
        return new TaskResult(true, counts, message);
    }

    /** The counts as {@code name=number} pairs in their order, as {@code job_run.counts} keeps them. */
    public String countsText() {
        return counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }
}
