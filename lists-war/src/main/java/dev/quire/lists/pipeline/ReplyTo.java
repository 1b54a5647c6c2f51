package dev.quire.lists.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import dev.quire.db.list.PipelineSettings;
import dev.quire.lists.posting.Post;

/**
 * The Reply-To part of Mailman's {@code cook-headers}: optionally strips the author's Reply-To, then points
 * replies at the list (LIST) or at an explicit address (EXPLICIT), keeping any Reply-To addresses the
 * author gave unless they were stripped. NONE leaves replies going to the author.
 */
@ApplicationScoped
public class ReplyTo implements Handler {
    @Override
    public void process(Post post) {
        PipelineSettings settings = post.list().pipeline();
        var message = post.message();
        if (settings.firstStripReplyTo()) {
            message.remove("Reply-To");
        }
        String target = switch (settings.replyToPolicy()) {
            case NONE -> null;
            case LIST -> post.list().postingAddress().toString();
            case EXPLICIT -> blankToNull(settings.replyToAddress());
        };
        if (target == null) {
            return;
        }
        List<String> addresses = new ArrayList<>();
        message.header("Reply-To").ifPresent(existing -> addresses.add(existing));
        boolean present = addresses.stream()
                .anyMatch(a -> a.toLowerCase(Locale.ROOT).contains(target.toLowerCase(Locale.ROOT)));
        if (!present) {
            addresses.add(target);
        }
        message.set("Reply-To", String.join(", ", addresses));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
