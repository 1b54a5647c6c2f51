package dev.quire.lists.api;

import java.io.StringReader;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import dev.quire.db.list.Action;
import dev.quire.db.list.ArchivePolicy;
import dev.quire.db.list.ReplyToPolicy;
import dev.quire.db.list.SubscriptionPolicy;
import dev.quire.lists.admin.SettingsChange;

/**
 * The body of {@code PATCH /api/lists/{list}}: a JSON object with any of the settings below; the others
 * stay as they are. Unknown names, wrong types and values out of range are refused, each with a message.
 */
public record ListSettingsRequest(String displayName, String subjectPrefix, String description, Boolean emergency,
        Integer maxMessageSizeKb, Integer maxRecipients, Action defaultMemberAction, Action defaultNonmemberAction,
        SubscriptionPolicy subscriptionPolicy, ArchivePolicy archivePolicy, ReplyToPolicy replyToPolicy,
        Boolean advertised) {

    static final Set<String> NAMES = Set.of("displayName", "subjectPrefix", "description", "emergency",
            "maxMessageSizeKb", "maxRecipients", "defaultMemberAction", "defaultNonmemberAction",
            "subscriptionPolicy", "archivePolicy", "replyToPolicy", "advertised");

    /** Reads and checks a body; throws {@link InvalidRequest} with every problem found. */
    public static ListSettingsRequest parse(String body) {
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(body == null ? "" : body))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidRequest("The body must be a JSON object of settings.", Map.of());
        }
        Fields f = new Fields(json);
        for (String name : json.keySet()) {
            if (!NAMES.contains(name)) {
                f.errors.put(name, "no such setting (known: " + String.join(", ", NAMES.stream().sorted().toList())
                        + ")");
            }
        }
        ListSettingsRequest r = new ListSettingsRequest(f.text("displayName", 1, 200), f.text("subjectPrefix", 0, 64),
                f.text("description", 0, 5000), f.bool("emergency"), f.number("maxMessageSizeKb", 0, 1_000_000),
                f.number("maxRecipients", 0, 10_000), f.choice("defaultMemberAction", Action.class, Action::valueOf),
                f.choice("defaultNonmemberAction", Action.class, Action::valueOf),
                f.choice("subscriptionPolicy", SubscriptionPolicy.class, SubscriptionPolicy::valueOf),
                f.choice("archivePolicy", ArchivePolicy.class, ArchivePolicy::valueOf),
                f.choice("replyToPolicy", ReplyToPolicy.class, ReplyToPolicy::valueOf), f.bool("advertised"));
        if (r.replyToPolicy() == ReplyToPolicy.EXPLICIT) {
            f.errors.put("replyToPolicy", "EXPLICIT needs a Reply-To address, which this API does not set yet");
        }
        if (json.isEmpty()) {
            throw new InvalidRequest("Name at least one setting to change.", Map.of());
        }
        if (!f.errors.isEmpty()) {
            throw new InvalidRequest("Some settings cannot be used; nothing was changed.", f.errors);
        }
        return r;
    }

    /** The change for the service. */
    public SettingsChange toChange() {
        return new SettingsChange(displayName, subjectPrefix, description, emergency, maxMessageSizeKb, maxRecipients,
                defaultMemberAction, defaultNonmemberAction, subscriptionPolicy, archivePolicy, replyToPolicy,
                advertised);
    }

    /** Typed reading of the fields, collecting a message per bad one. */
    private static final class Fields {
        private final JsonObject json;
        private final Map<String, String> errors = new LinkedHashMap<>();

        Fields(JsonObject json) {
            this.json = json;
        }

        String text(String name, int min, int max) {
            JsonValue v = json.get(name);
            if (v == null) {
                return null;
            }
            if (!(v instanceof JsonString)) {
                errors.put(name, "must be a string");
                return null;
            }
            String s = ((JsonString) v).getString();
            if (s.length() < min || s.length() > max || s.chars().anyMatch(c -> c == '\r' || c == '\n')) {
                errors.put(name, "must be one line of " + min + " to " + max + " characters");
                return null;
            }
            return s;
        }

        Boolean bool(String name) {
            JsonValue v = json.get(name);
            if (v == null) {
                return null;
            }
            if (v != JsonValue.TRUE && v != JsonValue.FALSE) {
                errors.put(name, "must be true or false");
                return null;
            }
            return v == JsonValue.TRUE;
        }

        Integer number(String name, int min, int max) {
            JsonValue v = json.get(name);
            if (v == null) {
                return null;
            }
            if (!(v instanceof JsonNumber) || !((JsonNumber) v).isIntegral()
                    || ((JsonNumber) v).longValue() < min || ((JsonNumber) v).longValue() > max) {
                errors.put(name, "must be a whole number from " + min + " to " + max);
                return null;
            }
            return ((JsonNumber) v).intValue();
        }

        <E extends Enum<E>> E choice(String name, Class<E> type, Function<String, E> valueOf) {
            JsonValue v = json.get(name);
            if (v == null) {
                return null;
            }
            String allowed = String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
            if (!(v instanceof JsonString)) {
                errors.put(name, "must be one of " + allowed);
                return null;
            }
            try {
                return valueOf.apply(((JsonString) v).getString().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.put(name, "must be one of " + allowed);
                return null;
            }
        }
    }
}
