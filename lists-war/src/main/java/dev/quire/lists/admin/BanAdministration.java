package dev.quire.lists.admin;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.quire.db.list.Ban;
import dev.quire.db.list.MailingList;
import dev.quire.db.list.OwnerToolsRepository;
import dev.quire.lists.security.Account;
import dev.quire.lists.security.ListRights;
import dev.quire.lists.security.ListRole;

/**
 * Banned addresses: a list's own (its owners) and the site's (site admins). A ban is an exact address, or a
 * regular expression when it starts with {@code ^}, as the list engine's {@code banned-address} rule reads it.
 */
@ApplicationScoped
public class BanAdministration {
    @Inject
    ListRights rights;

    @Inject
    OwnerToolsRepository tools;

    /** The list's bans, or the site's when {@code list} is null. */
    @Transactional
    public List<Ban> bans(Account caller, String list) {
        return tools.bans(scope(caller, list));
    }

    @Transactional
    public Ban add(Account caller, String list, String pattern) {
        MailingList l = scope(caller, list);
        String p = check(pattern);
        if (tools.bans(l).stream().anyMatch(b -> b.pattern().equalsIgnoreCase(p))) {
            throw Refused.invalid("pattern", p + " is banned already.");
        }
        Ban ban = new Ban(l, p);
        tools.addBan(ban);
        return ban;
    }

    @Transactional
    public void remove(Account caller, String list, long id) {
        MailingList l = scope(caller, list);
        tools.removeBan(tools.ban(l, id).orElseThrow(() -> Refused.notFound("There is no ban #" + id + ".")));
    }

    private MailingList scope(Account caller, String list) {
        if (list == null) {
            rights.requireSiteAdmin(caller);
            return null;
        }
        return rights.require(caller, list, ListRole.OWNER).list();
    }

    /** A ban pattern as stored: an address, or a regular expression that compiles; else 400. */
    static String check(String pattern) {
        String p = pattern == null ? "" : pattern.strip();
        if (p.isEmpty() || p.length() > 254) {
            throw Refused.invalid("pattern", "Give an address, or a regular expression starting with ^ (at most"
                    + " 254 characters).");
        }
        if (p.startsWith("^")) {
            try {
                Pattern.compile(p);
            } catch (PatternSyntaxException e) {
                throw Refused.invalid("pattern", "Not a valid regular expression: " + e.getDescription() + ".");
            }
            return p;
        }
        return MemberAdministration.address(p).toString();
    }
}
