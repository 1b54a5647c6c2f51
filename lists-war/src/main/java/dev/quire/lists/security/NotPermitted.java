package dev.quire.lists.security;

/**
 * The caller may not do this. A list the caller has no role on answers as if it did not exist (404), so
 * an owner of one list cannot even learn the names of others; a list the caller has a weaker role on
 * answers 403, saying which role is needed.
 */
public final class NotPermitted extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean hidden;

    private NotPermitted(String message, boolean hidden) {
        super(message);
        this.hidden = hidden;
    }

    /** The list does not exist, or the caller may not know it does: 404. */
    public static NotPermitted noSuchList(String list) {
        return new NotPermitted("There is no list " + list + " that you may manage.", true);
    }

    /** The caller sees the thing but may not do this: 403. */
    public static NotPermitted forbidden(String message) {
        return new NotPermitted(message, false);
    }

    /** True for "no such thing" (404), false for "not allowed" (403). */
    public boolean hidden() {
        return hidden;
    }
}
