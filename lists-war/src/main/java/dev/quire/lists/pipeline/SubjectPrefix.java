package dev.quire.lists.pipeline;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import dev.quire.lists.posting.Post;

/**
 * {@code subject-prefix}: puts the list's prefix in front of the Subject once. As in Mailman, every copy of
 * the prefix already in the subject is removed and a run of reply markers ({@code Re:}, {@code AW:},
 * {@code SV:}, {@code VS:}, also with a count as {@code Re[2]:}) anywhere before the text becomes one
 * {@code Re: } after the prefix, so {@code Re: [demo] Re: agenda} becomes {@code [demo] Re: agenda}.
 */
@ApplicationScoped
public class SubjectPrefix implements Handler {
    private static final Pattern REPLY = Pattern.compile("^\\s*(?:(?:re|aw|sv|vs)(?:\\[\\d+\\])?:\\s*)+",
            Pattern.CASE_INSENSITIVE);

    @Override
    public void process(Post post) {
        String prefix = post.list().subjectPrefix();
        if (prefix == null || prefix.isBlank()) {
            return;
        }
        String subject = post.message().header("Subject").orElse("");
        post.message().set("Subject", prefixed(prefix, subject));
    }

    static String prefixed(String prefix, String subject) {
        Pattern copies = Pattern.compile("\\s*" + Pattern.quote(prefix.strip()) + "\\s*");
        boolean reply = false;
        String rest = subject.strip();
        while (true) {
            Matcher re = REPLY.matcher(rest);
            Matcher pre = copies.matcher(rest);
            if (re.lookingAt() && re.end() > 0) {
                reply = true;
                rest = rest.substring(re.end());
            } else if (pre.lookingAt()) {
                rest = rest.substring(pre.end());
            } else {
                break;
            }
        }
        rest = copies.matcher(rest).replaceAll(" ").strip();
        String out = prefix + (reply ? "Re: " : "") + rest;
        return rest.isEmpty() && !reply ? out.strip() : out;
    }
}
