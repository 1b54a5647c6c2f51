package dev.quire.lists.admin;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.quire.db.list.Action;
import dev.quire.db.list.HeaderMatch;
import dev.quire.db.list.HeaderMatchRepository;
import dev.quire.db.list.MailingList;
import dev.quire.db.list.OwnerToolsRepository;
import dev.quire.lists.security.Account;
import dev.quire.lists.security.ListRights;
import dev.quire.lists.security.ListRole;

/**
 * A list's header matches for its owners: rows of header, regular expression and action, applied in order;
 * added at the end, removed, or moved up and down. Positions stay 1, 2, 3, ... after every change.
 */
@ApplicationScoped
public class HeaderMatchAdministration {
    private static final Pattern HEADER_NAME = Pattern.compile("[!-9;-~]{1,100}");

    @Inject
    ListRights rights;

    @Inject
    HeaderMatchRepository matches;

    @Inject
    OwnerToolsRepository tools;

    @Transactional
    public List<HeaderMatch> rows(Account caller, String list) {
        return matches.of(owned(caller, list));
    }

    @Transactional
    public HeaderMatch add(Account caller, String list, String header, String pattern, String action) {
        MailingList l = owned(caller, list);
        String h = header == null ? "" : header.strip();
        if (!HEADER_NAME.matcher(h).matches()) {
            throw Refused.invalid("header", "A header name is 1 to 100 printable characters without spaces or colons.");
        }
        String p = pattern == null ? "" : pattern.strip();
        if (p.isEmpty() || p.length() > 500) {
            throw Refused.invalid("pattern", "Give a regular expression of at most 500 characters.");
        }
        try {
            Pattern.compile(p);
        } catch (PatternSyntaxException e) {
            throw Refused.invalid("pattern", "Not a valid regular expression: " + e.getDescription() + ".");
        }
        Action a = action(action);
        List<HeaderMatch> rows = matches.of(l);
        HeaderMatch m = new HeaderMatch(l, rows.size() + 1, h, p, a);
        matches.add(m);
        return m;
    }

    @Transactional
    public void remove(Account caller, String list, long id) {
        MailingList l = owned(caller, list);
        tools.removeHeaderMatch(find(l, id));
        renumber(matches.of(l).stream().filter(m -> m.id() != id).toList());
    }

    /** Moves a row one place up ({@code up}) or down; the first cannot go up nor the last down. */
    @Transactional
    public void move(Account caller, String list, long id, boolean up) {
        MailingList l = owned(caller, list);
        find(l, id);
        List<HeaderMatch> rows = new java.util.ArrayList<>(matches.of(l));
        int at = -1;
        for (int i = 0; i < rows.size(); i++) {
            at = rows.get(i).id() == id ? i : at;
        }
        int to = up ? at - 1 : at + 1;
        if (to >= 0 && to < rows.size()) {
            java.util.Collections.swap(rows, at, to);
        }
        renumber(rows);
    }

    private static void renumber(List<HeaderMatch> rows) {
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).setPosition(i + 1);
        }
    }

    private HeaderMatch find(MailingList l, long id) {
        return tools.headerMatch(l, id).orElseThrow(() -> Refused.notFound("There is no header match #" + id + "."));
    }

    private MailingList owned(Account caller, String list) {
        return rights.require(caller, list, ListRole.OWNER).list();
    }

    private static Action action(String text) {
        try {
            return Action.valueOf(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Refused.invalid("action", "action must be one of accept, hold, reject, discard, defer");
        }
    }
}
