package dev.quire.lists.site;

import java.util.Map;

/**
 * A site-admin request refused before anything changed: bad input (400), no such thing (404), a conflict with
 * what exists (409), or the MTA could not be asked (502). The message says what to do; {@link #fields()}
 * names each bad field.
 */
public final class SiteRefusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final transient Map<String, String> fields;

    private SiteRefusal(int status, String message, Map<String, String> fields) {
        super(message);
        this.status = status;
        this.fields = Map.copyOf(fields);
    }

    public static SiteRefusal invalid(String message, Map<String, String> fields) {
        return new SiteRefusal(400, message, fields);
    }

    public static SiteRefusal invalid(String field, String message) {
        return new SiteRefusal(400, message, Map.of(field, message));
    }

    public static SiteRefusal notFound(String message) {
        return new SiteRefusal(404, message, Map.of());
    }

    public static SiteRefusal conflict(String message) {
        return new SiteRefusal(409, message, Map.of());
    }

    public static SiteRefusal mtaUnavailable(String message) {
        return new SiteRefusal(502, message, Map.of());
    }

    public int status() {
        return status;
    }

    /** A stable machine word for the status. */
    public String word() {
        switch (status) {
            case 400 :
                return "invalid_request";
            case 404 :
                return "not_found";
            case 409 :
                return "conflict";
            default :
                return "bad_gateway";
        }
    }

    public Map<String, String> fields() {
        return fields;
    }
}
