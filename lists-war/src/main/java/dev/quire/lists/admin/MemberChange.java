package dev.quire.lists.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.quire.db.list.Action;
import dev.quire.db.list.DeliveryMode;

/**
 * An owner's change of one member's options, by the names the member's JSON uses; a null field stays as it is.
 * {@code moderationAction} DEFAULT clears the member's own action (the list's default applies). Turning
 * delivery on also clears the bounce score and warnings, as Mailman does when an owner re-enables a member.
 */
public record MemberChange(Boolean deliveryEnabled, DeliveryMode deliveryMode, String moderationAction,
        Boolean acknowledgePosts, Boolean receiveOwnPostings, Boolean hideAddress) {

    static final List<String> MODERATION = List.of("DEFAULT", "ACCEPT", "HOLD", "REJECT", "DISCARD");

    /** The member's own action, or null for the list's default; only when {@code moderationAction} is given. */
    public Action action() {
        return "DEFAULT".equals(moderationAction) ? null : Action.valueOf(moderationAction);
    }

    /** Reads the fields given as text ("true"/"false", names of choices); every bad one is refused at once. */
    public static MemberChange parse(Map<String, String> fields) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (String name : fields.keySet()) {
            if (!List.of("deliveryEnabled", "deliveryMode", "moderationAction", "acknowledgePosts",
                    "receiveOwnPostings", "hideAddress").contains(name)) {
                errors.put(name, "no such option (known: acknowledgePosts, deliveryEnabled, deliveryMode, hideAddress,"
                        + " moderationAction, receiveOwnPostings)");
            }
        }
        Boolean delivery = bool(fields, "deliveryEnabled", errors);
        String mode = choice(fields, "deliveryMode", ListSettings.names(DeliveryMode.class), errors);
        String action = choice(fields, "moderationAction", MODERATION, errors);
        MemberChange c = new MemberChange(delivery, mode == null ? null : DeliveryMode.valueOf(mode), action,
                bool(fields, "acknowledgePosts", errors), bool(fields, "receiveOwnPostings", errors),
                bool(fields, "hideAddress", errors));
        if (fields.isEmpty()) {
            throw Refused.invalid("Name at least one option to change.");
        }
        if (!errors.isEmpty()) {
            throw Refused.invalid("Some options cannot be used; nothing was changed.", errors);
        }
        return c;
    }

    private static Boolean bool(Map<String, String> fields, String name, Map<String, String> errors) {
        String v = fields.get(name);
        if (v == null) {
            return null;
        }
        if (!v.equals("true") && !v.equals("false")) {
            errors.put(name, "must be true or false");
            return null;
        }
        return Boolean.valueOf(v);
    }

    private static String choice(Map<String, String> fields, String name, List<String> allowed,
            Map<String, String> errors) {
        String v = fields.get(name);
        if (v == null) {
            return null;
        }
        String c = v.strip().toUpperCase(Locale.ROOT);
        if (!allowed.contains(c)) {
            errors.put(name, "must be one of " + String.join(", ", allowed));
            return null;
        }
        return c;
    }
}
