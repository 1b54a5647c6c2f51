package dev.quire.lists.moderation;

import java.util.Locale;
import java.util.Optional;

/**
 * What a moderator decided about held posts, with the reason given to the sender of a rejected post.
 *
 * @param verdict the action
 * @param reason the rejection reason; empty for other verdicts or when the moderator gave none
 */
public record Decision(Verdict verdict, String reason) {
    /** The moderator's actions on a held post (Mailman's, plus accepting and unmoderating in one step). */
    public enum Verdict {
        ACCEPT, REJECT, DISCARD, DEFER, ACCEPT_AND_UNMODERATE
    }

    public Decision {
        reason = reason == null ? "" : reason.strip();
    }

    public static Decision of(Verdict verdict) {
        return new Decision(verdict, "");
    }

    public static Decision reject(String reason) {
        return new Decision(Verdict.REJECT, reason);
    }

    /**
     * Reads a moderator's command: {@code accept}, {@code reject <reason>}, {@code discard}, {@code defer}
     * or {@code accept and unmoderate}, any case, surrounding spaces ignored.
     */
    public static Optional<Decision> parse(String line) {
        String text = line == null ? "" : line.strip().replaceAll("\\s+", " ");
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("accept and unmoderate")) {
            return Optional.of(of(Verdict.ACCEPT_AND_UNMODERATE));
        }
        if (lower.equals("reject") || lower.startsWith("reject ")) {
            return Optional.of(reject(text.substring("reject".length())));
        }
        for (Verdict v : new Verdict[]{Verdict.ACCEPT, Verdict.DISCARD, Verdict.DEFER}) {
            if (lower.equals(v.name().toLowerCase(Locale.ROOT))) {
                return Optional.of(of(v));
            }
        }
        return Optional.empty();
    }
}
