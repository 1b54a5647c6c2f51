package dev.quire.lists.rules;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import jakarta.enterprise.context.ApplicationScoped;

import dev.quire.lists.posting.Post;

/**
 * {@code suspicious-header}: a header of the post matches one of the list's suspicious-header lines
 * ({@code header: regular expression}, any case; blank lines and {@code #} comments are skipped), as
 * Mailman's bounce_matching_headers.
 */
@ApplicationScoped
public class SuspiciousHeader implements Rule {
    @Override
    public String name() {
        return "suspicious-header";
    }

    @Override
    public boolean matches(Post post) {
        String lines = post.list().posting().suspiciousHeaders();
        if (lines == null) {
            return false;
        }
        for (String line : lines.lines().map(String::strip).toList()) {
            int colon = line.indexOf(':');
            if (line.startsWith("#") || colon <= 0) {
                continue;
            }
            String header = line.substring(0, colon).strip();
            String regex = line.substring(colon + 1).strip();
            if (found(post, header, regex)) {
                post.addReason(name(), "the " + header + " header matches " + regex);
                return true;
            }
        }
        return false;
    }

    private static boolean found(Post post, String header, String regex) {
        try {
            Pattern p = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
            return post.message().headers(header).stream().anyMatch(v -> p.matcher(v).find());
        } catch (PatternSyntaxException e) {
            return false;
        }
    }
}
