package dev.quire.lists.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.quire.db.list.ListAdminRepository;
import dev.quire.db.list.MailingList;
import dev.quire.db.list.Member;
import dev.quire.db.list.MemberRole;
import dev.quire.mail.EmailAddress;
import dev.quire.mail.InvalidAddressException;

/**
 * Who may do what on which list: a site admin everything, an owner (a member row with role OWNER for the
 * account's address) everything about that list, a moderator (role MODERATOR) moderation only, anyone
 * else nothing. Web pages and REST resources ask here, never decide themselves.
 */
@ApplicationScoped
public class ListRights {
    @Inject
    ListAdminRepository lists;

    /** A list and the caller's role on it. */
    public record ManagedList(MailingList list, ListRole role) {
    }

    /** The caller's role on a list. */
    @Transactional
    public ListRole roleOn(Account account, MailingList list) {
        if (account.siteAdmin()) {
            return ListRole.SITE_ADMIN;
        }
        if (account.email() == null) {
            return ListRole.NONE;
        }
        ListRole best = ListRole.NONE;
        for (MemberRole r : lists.managerRoles(list, account.email())) {
            ListRole role = of(r);
            best = role.atLeast(best) ? role : best;
        }
        return best;
    }

    /** The lists the caller may manage, each with the caller's role, by domain and name. */
    @Transactional
    public List<ManagedList> manageable(Account account) {
        if (account.siteAdmin()) {
            return lists.all().stream().map(l -> new ManagedList(l, ListRole.SITE_ADMIN)).toList();
        }
        if (account.email() == null) {
            return List.of();
        }
        Map<Long, ManagedList> byList = new LinkedHashMap<>();
        for (Member m : lists.managerRows(account.email())) {
            ListRole role = of(m.role());
            byList.merge(m.list().id(), new ManagedList(m.list(), role),
                    (a, b) -> b.role().atLeast(a.role()) ? b : a);
        }
        return new ArrayList<>(byList.values());
    }

    /**
     * The list at a posting address when the caller holds at least the role there.
     *
     * @throws NotPermitted 404 when there is no such list or the caller has no role on it, 403 when the
     *         caller's role is weaker than needed
     */
    @Transactional
    public ManagedList require(Account account, String listAddress, ListRole needed) {
        Optional<MailingList> list = parse(listAddress).flatMap(lists::find);
        ListRole role = list.map(l -> roleOn(account, l)).orElse(ListRole.NONE);
        if (role == ListRole.NONE) {
            throw NotPermitted.noSuchList(listAddress);
        }
        if (!role.atLeast(needed)) {
            throw NotPermitted.forbidden("This needs the " + needed.name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', ' ') + " role on " + listAddress + "; you are "
                    + role.name().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        return new ManagedList(list.get(), role);
    }

    /** Site-wide things (domains, creating lists) are for site admins only. */
    public void requireSiteAdmin(Account account) {
        if (!account.siteAdmin()) {
            throw NotPermitted.forbidden("Only site admins may do this.");
        }
    }

    private static Optional<EmailAddress> parse(String listAddress) {
        try {
            return Optional.of(EmailAddress.parse(listAddress));
        } catch (InvalidAddressException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static ListRole of(MemberRole role) {
        return role == MemberRole.OWNER
                ? ListRole.OWNER
                : role == MemberRole.MODERATOR ? ListRole.MODERATOR : ListRole.NONE;
    }
}
