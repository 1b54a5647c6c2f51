package dev.quire.lists.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.quire.db.list.ListAdminRepository;
import dev.quire.db.list.ListAdminRepository.DomainLists;
import dev.quire.db.list.MailingList;
import dev.quire.db.list.MemberRole;
import dev.quire.db.list.ReplyToPolicy;
import dev.quire.lists.admin.ListSettings.Setting;
import dev.quire.lists.security.Account;
import dev.quire.lists.security.ListRights;
import dev.quire.lists.security.ListRights.ManagedList;
import dev.quire.lists.security.ListRole;

/** Domains, the lists a caller manages, a list's overview and settings, each behind a rights check. */
@ApplicationScoped
public class ListAdministration {
    @Inject
    ListRights rights;

    @Inject
    ListAdminRepository lists;

    /** Every domain with its number of lists: site admins only. */
    @Transactional
    public List<DomainLists> domains(Account caller) {
        rights.requireSiteAdmin(caller);
        return lists.domains();
    }

    /** The lists the caller may manage, with the caller's role on each. */
    @Transactional
    public List<ManagedList> lists(Account caller) {
        return rights.manageable(caller);
    }

    /** A list's counts for its overview: moderators and up. */
    @Transactional
    public ListOverview overview(Account caller, String list) {
        ManagedList managed = rights.require(caller, list, ListRole.MODERATOR);
        Map<MemberRole, Long> counts = lists.countByRole(managed.list());
        return new ListOverview(managed, counts, lists.heldCount(managed.list()));
    }

    /** A list with its settings: owners and site admins. */
    @Transactional
    public ManagedList settings(Account caller, String list) {
        return rights.require(caller, list, ListRole.OWNER);
    }

    /** A list after a change, with the labels of the settings whose value changed. */
    public record Updated(ManagedList managed, List<String> changed) {
    }

    /**
     * Changes some settings of a list: owners and site admins. An EXPLICIT Reply-To needs an address (given
     * now or already set); when refused, nothing is changed.
     */
    @Transactional
    public Updated update(Account caller, String list, SettingsChange change) {
        ManagedList managed = rights.require(caller, list, ListRole.OWNER);
        MailingList l = managed.list();
        Map<String, Object> values = change.values();
        boolean explicit = values.containsKey("replyToPolicy")
                ? "EXPLICIT".equals(values.get("replyToPolicy"))
                : l.pipeline().replyToPolicy() == ReplyToPolicy.EXPLICIT;
        String address = values.containsKey("replyToAddress")
                ? (String) values.get("replyToAddress")
                : l.pipeline().replyToAddress();
        if (explicit && address == null) {
            throw Refused.invalid("replyToAddress", "Replies to an EXPLICIT address need the address;"
                    + " nothing was changed.");
        }
        List<String> changed = new ArrayList<>();
        values.forEach((name, value) -> {
            Setting s = ListSettings.named(name).orElseThrow();
            if (!Objects.equals(s.text(l), value == null ? "" : value.toString())) {
                s.set().accept(l, value);
                changed.add(s.label());
            }
        });
        return new Updated(managed, changed);
    }
}
