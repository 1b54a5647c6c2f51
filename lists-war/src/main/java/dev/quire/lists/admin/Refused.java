package dev.quire.lists.admin;

import java.util.Map;

/**
 * The owner's tools refuse a request: input that cannot be used (400, with a message per field when known)
 * or a thing of the list that does not exist (404). Nothing was changed.
 */
public final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final transient Map<String, String> fields;

    private Refused(int status, String message, Map<String, String> fields) {
        super(message);
        this.status = status;
        this.fields = fields == null ? null : Map.copyOf(fields);
    }

    /** Input that cannot be used: 400. */
    public static Refused invalid(String message) {
        return new Refused(400, message, null);
    }

    /** One field that cannot be used: 400 naming it. */
    public static Refused invalid(String field, String message) {
        return new Refused(400, message, Map.of(field, message));
    }

    /** Several fields that cannot be used: 400 naming each. */
    public static Refused invalid(String message, Map<String, String> fields) {
        return new Refused(400, message, fields);
    }

    /** No such thing on this list: 404. */
    public static Refused notFound(String message) {
        return new Refused(404, message, null);
    }

    public int status() {
        return status;
    }

    /** The message per field, or null. */
    public Map<String, String> fields() {
        return fields;
    }
}
