package dev.quire.lists.subscription;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import dev.quire.db.list.DeliveryMode;
import dev.quire.db.list.DisabledReason;
import dev.quire.db.list.Member;

/** A delivery option a member sets for themself (the {@code set} command, the web options page). */
public enum MemberOption {
    /** Whether posts are delivered at all (off: a holiday). */
    DELIVERY("delivery", "on|off"),
    /** Posts one by one (off), or collected as a MIME or plain-text digest. */
    DIGEST("digest", "mime|plain|off"),
    /** A short note back for each of the member's own posts. */
    ACK("ack", "on|off"),
    /** On: the member gets no copy of their own posts. */
    NOTMETOO("notmetoo", "on|off"),
    /** On: the address is left out of the roster others see. */
    HIDE("hide", "on|off");

    private final String keyword;
    private final String accepted;

    MemberOption(String keyword, String values) {
        this.keyword = keyword;
        this.accepted = values;
    }

    public String keyword() {
        return keyword;
    }

    /** The accepted values, as {@code on|off}. */
    public String accepted() {
        return accepted;
    }

    public static Optional<MemberOption> named(String keyword) {
        String k = keyword.toLowerCase(Locale.ROOT).replace("-", "");
        return Arrays.stream(values()).filter(o -> o.keyword.equals(k)).findFirst();
    }

    /** The member's current value, as the {@code set} command accepts it. */
    public String show(Member m) {
        return switch (this) {
            case DELIVERY -> onOff(m.deliveryEnabled());
            case DIGEST -> switch (m.deliveryMode()) {
                case REGULAR -> "off";
                case MIME_DIGEST -> "mime";
                case PLAIN_DIGEST -> "plain";
            };
            case ACK -> onOff(m.acknowledgePosts());
            case NOTMETOO -> onOff(!m.receiveOwnPostings());
            case HIDE -> onOff(m.hideAddress());
        };
    }

    /**
     * Sets the option on the member.
     *
     * @throws IllegalArgumentException when the value is not one this option accepts
     */
    public void apply(Member m, String value, Instant now) {
        String v = value.toLowerCase(Locale.ROOT);
        switch (this) {
            case DELIVERY -> {
                boolean on = onOff(v);
                if (m.disabledReason() == DisabledReason.BY_MODERATOR) {
                    throw new IllegalArgumentException("delivery was turned off by the list's moderator, who alone"
                            + " can turn it on again");
                }
                m.disable(on ? null : DisabledReason.BY_USER, now);
            }
            case DIGEST -> m.setDeliveryMode(digest(v));
            case ACK -> m.setAcknowledgePosts(onOff(v));
            case NOTMETOO -> m.setReceiveOwnPostings(!onOff(v));
            case HIDE -> m.setHideAddress(onOff(v));
        }
    }

    private DeliveryMode digest(String v) {
        return switch (v) {
            case "mime" -> DeliveryMode.MIME_DIGEST;
            case "plain" -> DeliveryMode.PLAIN_DIGEST;
            case "off", "no", "none" -> DeliveryMode.REGULAR;
            default -> throw new IllegalArgumentException(keyword + " is one of " + accepted + ", not \"" + v + "\"");
        };
    }

    private boolean onOff(String v) {
        return switch (v) {
            case "on", "yes", "true" -> true;
            case "off", "no", "false" -> false;
            default -> throw new IllegalArgumentException(keyword + " is one of " + accepted + ", not \"" + v + "\"");
        };
    }

    private static String onOff(boolean b) {
        return b ? "on" : "off";
    }
}
