package dev.quire.lists.rules;

import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.db.list.Action;
import dev.quire.db.list.HeaderMatchRepository;
import dev.quire.lists.posting.Post;

/**
 * {@code header-match}: the first of the list's header matches, in position order, whose regular
 * expression (any case) finds a value of its header. The rule chooses that row's action; a row whose
 * action is {@code defer} decides nothing and the next rows are tried.
 */
@ApplicationScoped
public class HeaderMatch implements Rule {
    @Inject
    HeaderMatchRepository matches;

    @Override
    public String name() {
        return "header-match";
    }

    @Override
    public boolean matches(Post post) {
        for (dev.quire.db.list.HeaderMatch row : matches.of(post.list())) {
            if (row.action() == Action.DEFER || !matches(row, post)) {
                continue;
            }
            post.choose(name(), row.action());
            post.addReason(name(), "the " + row.header() + " header matches " + row.pattern() + " ("
                    + row.action().name().toLowerCase(Locale.ROOT) + ")");
            return true;
        }
        return false;
    }

    private static boolean matches(dev.quire.db.list.HeaderMatch row, Post post) {
        try {
            Pattern p = Pattern.compile(row.pattern(), Pattern.CASE_INSENSITIVE);
            return post.message().headers(row.header()).stream().anyMatch(v -> p.matcher(v).find());
        } catch (PatternSyntaxException e) {
            return false;
        }
    }
}
