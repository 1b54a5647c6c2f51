package dev.quire.lists.site;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import dev.quire.lists.security.Account;
import dev.quire.lists.security.ListRights;

/**
 * The MTA's queue through its admin API: sizes, {@code mailq}, and hold, release, requeue and delete of one
 * or many messages. Release and requeue are the same call of the MTA (a held message is released, a deferred
 * or slow one is tried now); the MTA refuses a message that is not waiting (being delivered right now).
 */
@ApplicationScoped
public class SiteQueue {
    /** The queues in the MTA's order. */
    public static final List<String> QUEUES = List.of("incoming", "active", "deferred", "slow", "hold", "corrupt");
    private static final Set<String> ACTIONS = Set.of("hold", "release", "requeue", "delete");
    private static final Pattern ID = Pattern.compile("[0-9A-Za-z]{8,32}");
    private static final int MAX_IDS = 1000;

    @Inject
    ListRights rights;

    @Inject
    MtaAdminClient mta;

    /**
     * The queue sizes and a page of the messages (of one queue, or all when {@code queue} is blank).
     *
     * @param total how many messages the queue asked for holds (all queues together when none was named)
     */
    public record Snapshot(Map<String, Integer> sizes, List<QueueEntry> messages, int offset, int total) {
    }

    /** What one action did to one message. */
    public record Outcome(String id, String action, boolean done, String message) {
    }

    /** Every message of the queue (or of all). */
    public Snapshot list(Account caller, String queue) {
        return list(caller, queue, 0, 0);
    }

    /** At most {@code limit} messages of the queue (or of all) from {@code offset}; a limit of 0 means all. */
    public Snapshot list(Account caller, String queue, int offset, int limit) {
        rights.requireSiteAdmin(caller);
        String q = queue == null || queue.isBlank() ? null : queue.strip().toLowerCase(Locale.ROOT);
        if (q != null && !QUEUES.contains(q)) {
            throw SiteRefusal.invalid("queue", "must be one of " + String.join(", ", QUEUES));
        }
        if (offset < 0) {
            throw SiteRefusal.invalid("offset", "must not be negative");
        }
        if (limit < 0) {
            throw SiteRefusal.invalid("limit", "must not be negative");
        }
        Map<String, Integer> sizes = sizes();
        int total = q == null ? sizes.values().stream().mapToInt(Integer::intValue).sum() : sizes.get(q);
        return new Snapshot(sizes, messages(q, offset, limit), offset, total);
    }

    Map<String, Integer> sizes() {
        MtaAdminClient.Answer answer = mta.get("queue");
        Map<String, Integer> sizes = new LinkedHashMap<>();
        QUEUES.forEach(q -> sizes.put(q, 0));
        if (answer.json() instanceof JsonObject) {
            ((JsonObject) answer.json()).forEach((k, v) -> sizes.put(k.toLowerCase(Locale.ROOT),
                    v.getValueType() == JsonValue.ValueType.NUMBER ? ((jakarta.json.JsonNumber) v).intValue() : 0));
        }
        return sizes;
    }

    private List<QueueEntry> messages(String queue, int offset, int limit) {
        MtaAdminClient.Answer answer = mta.get("queue/messages?offset=" + offset + "&limit=" + limit
                + (queue == null ? "" : "&queue=" + queue));
        List<QueueEntry> out = new ArrayList<>();
        if (answer.json() == null || answer.json().getValueType() != JsonValue.ValueType.ARRAY) {
            return out;
        }
        for (JsonValue v : answer.json().asJsonArray()) {
            JsonObject o = v.asJsonObject();
            List<String> recipients = new ArrayList<>();
            if (o.containsKey("recipients") && o.get("recipients").getValueType() == JsonValue.ValueType.ARRAY) {
                o.getJsonArray("recipients").forEach(r -> recipients.add(text(r)));
            }
            out.add(new QueueEntry(o.getString("id", ""), o.getString("queue", ""), o.getString("sender", ""),
                    recipients, o.containsKey("size") ? o.getJsonNumber("size").longValue() : 0,
                    instant(o.get("arrivedAt")), o.containsKey("lastError") && !o.isNull("lastError")
                            ? o.getString("lastError")
                            : null));
        }
        return out;
    }

    /** Applies one action to each message; all ids are checked before the first is touched. */
    public List<Outcome> act(Account caller, String action, List<String> ids) {
        rights.requireSiteAdmin(caller);
        String a = action == null ? "" : action.strip().toLowerCase(Locale.ROOT);
        if (!ACTIONS.contains(a)) {
            throw SiteRefusal.invalid("action", "must be hold, release, requeue or delete");
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String id : ids == null ? List.<String>of() : ids) {
            if (id == null || !ID.matcher(id.strip()).matches()) {
                throw SiteRefusal.invalid("ids", "not a queue id: " + id + "; nothing was changed");
            }
            wanted.add(id.strip().toUpperCase(Locale.ROOT));
        }
        if (wanted.isEmpty()) {
            throw SiteRefusal.invalid("ids", "select at least one message");
        }
        if (wanted.size() > MAX_IDS) {
            throw SiteRefusal.invalid("ids", "at most " + MAX_IDS + " messages at a time");
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (String id : wanted) {
            String path = "queue/messages/" + URLEncoder.encode(id, StandardCharsets.US_ASCII);
            MtaAdminClient.Answer answer = a.equals("delete")
                    ? mta.delete(path)
                    : mta.post(path + (a.equals("hold") ? "/hold" : "/requeue"));
            boolean done = answer.status() / 100 == 2;
            outcomes.add(new Outcome(id, a, done, done ? past(a) : answer.error()));
        }
        return outcomes;
    }

    private static String past(String action) {
        switch (action) {
            case "hold" :
                return "held";
            case "release" :
                return "released";
            case "requeue" :
                return "requeued";
            default :
                return "deleted";
        }
    }

    private static String text(JsonValue v) {
        return v instanceof JsonString ? ((JsonString) v).getString() : v.toString();
    }

    private static Instant instant(JsonValue v) {
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v.getValueType() == JsonValue.ValueType.NUMBER) {
            return Instant.ofEpochMilli(((jakarta.json.JsonNumber) v).longValue());
        }
        try {
            String s = text(v);
            return s.endsWith("Z") || s.contains("+") ? Instant.parse(s.replace("Z[UTC]", "Z")) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
