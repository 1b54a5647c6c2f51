package dev.quire.lists.rules;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.quire.lists.posting.Post;

/**
 * {@code administrivia}: the post looks like a command meant for the {@code -request} address, such as
 * "unsubscribe": its subject, or one of the first five non-blank lines of its body, is a command word
 * followed by no more arguments than that command takes. Lists can turn the check off.
 */
@ApplicationScoped
public class Administrivia implements Rule {
    static final int LINES = 5;
    /** Command words and the most arguments each takes (Mailman's list, and Quire's set). */
    private static final Map<String, Integer> COMMANDS = Map.ofEntries(Map.entry("subscribe", 3),
            Map.entry("join", 3), Map.entry("unsubscribe", 1), Map.entry("leave", 1), Map.entry("remove", 1),
            Map.entry("signoff", 1), Map.entry("help", 0), Map.entry("info", 0), Map.entry("who", 1),
            Map.entry("confirm", 1), Map.entry("set", 3));

    @Override
    public String name() {
        return "administrivia";
    }

    @Override
    public boolean matches(Post post) {
        if (!post.list().posting().administrivia()) {
            return false;
        }
        String subject = post.message().header("Subject").orElse("");
        if (isCommand(subject)) {
            post.addReason(name(), "the subject looks like a command: " + subject.strip());
            return true;
        }
        String body = new String(post.message().body(), StandardCharsets.UTF_8);
        for (String line : body.lines().filter(l -> !l.isBlank()).limit(LINES).toList()) {
            if (isCommand(line)) {
                post.addReason(name(), "the body looks like a command: " + line.strip());
                return true;
            }
        }
        return false;
    }

    static boolean isCommand(String line) {
        String[] words = line.strip().toLowerCase(Locale.ROOT).split("\\s+");
        Integer maxArgs = COMMANDS.get(words[0]);
        return maxArgs != null && words.length - 1 <= maxArgs;
    }
}
