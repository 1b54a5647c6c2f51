package dev.quire.lists.admin;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.quire.db.list.ListAdminRepository;
import dev.quire.db.list.ListAdminRepository.DomainLists;
import dev.quire.db.list.MailingList;
import dev.quire.db.list.MemberRole;
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

    /** Changes some settings of a list: owners and site admins. Returns the list as it is now. */
    @Transactional
    public ManagedList update(Account caller, String list, SettingsChange change) {
        ManagedList managed = rights.require(caller, list, ListRole.OWNER);
        MailingList l = managed.list();
        if (change.displayName() != null) {
            l.setDisplayName(change.displayName());
        }
        if (change.subjectPrefix() != null) {
            l.setSubjectPrefix(change.subjectPrefix());
        }
        if (change.description() != null) {
            l.setDescription(change.description().isEmpty() ? null : change.description());
        }
        if (change.emergency() != null) {
            l.posting().setEmergency(change.emergency());
        }
        if (change.maxMessageSizeKb() != null) {
            l.posting().setMaxMessageSizeKb(change.maxMessageSizeKb());
        }
        if (change.maxRecipients() != null) {
            l.posting().setMaxRecipients(change.maxRecipients());
        }
        if (change.defaultMemberAction() != null) {
            l.posting().setDefaultMemberAction(change.defaultMemberAction());
        }
        if (change.defaultNonmemberAction() != null) {
            l.posting().setDefaultNonmemberAction(change.defaultNonmemberAction());
        }
        if (change.subscriptionPolicy() != null) {
            l.subscriptions().setSubscriptionPolicy(change.subscriptionPolicy());
        }
        if (change.archivePolicy() != null) {
            l.setArchivePolicy(change.archivePolicy());
        }
        if (change.replyToPolicy() != null) {
            l.pipeline().setReplyToPolicy(change.replyToPolicy());
        }
        if (change.advertised() != null) {
            l.setAdvertised(change.advertised());
        }
        return managed;
    }
}
