package dev.quire.lists.api;

import java.util.Map;

/** A request body that cannot be used: 400 with a message per field. */
public final class InvalidRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Map<String, String> fields;

    public InvalidRequest(String message, Map<String, String> fields) {
        super(message);
        this.fields = Map.copyOf(fields);
    }

    public Map<String, String> fields() {
        return fields;
    }
}
