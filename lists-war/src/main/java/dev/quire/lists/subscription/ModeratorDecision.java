package dev.quire.lists.subscription;

import java.util.Locale;
import java.util.Set;

import dev.quire.lists.message.BodyText;

/**
 * What a moderator's reply to an approval request says: the first line they wrote (quoted lines skipped)
 * rejects when it starts with {@code reject} (or deny, discard, refuse), the rest of it being the reason;
 * any other reply approves, as replying to a confirmation request does.
 *
 * @param approve true to approve
 * @param reason the moderator's reason for a rejection, or null
 */
public record ModeratorDecision(boolean approve, String reason) {
    private static final Set<String> REJECT = Set.of("reject", "deny", "discard", "refuse");

    public static ModeratorDecision of(byte[] reply) {
        for (String line : BodyText.of(reply).split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith(">")) {
                continue;
            }
            String[] words = l.split("\\s+", 2);
            String first = words[0].toLowerCase(Locale.ROOT).replaceAll("[:,.!]+$", "");
            if (REJECT.contains(first)) {
                return new ModeratorDecision(false, words.length > 1 ? words[1].strip() : null);
            }
            return new ModeratorDecision(true, null);
        }
        return new ModeratorDecision(true, null);
    }
}
