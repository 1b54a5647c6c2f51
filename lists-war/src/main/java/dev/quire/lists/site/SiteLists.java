package dev.quire.lists.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.quire.db.domain.Domain;
import dev.quire.db.domain.DomainKind;
import dev.quire.db.list.ListAdminRepository;
import dev.quire.db.list.ListStyle;
import dev.quire.db.list.MailingList;
import dev.quire.db.list.Member;
import dev.quire.db.list.MemberRole;
import dev.quire.db.site.SiteAdminRepository;
import dev.quire.db.site.SiteAdminRepository.ListRow;
import dev.quire.lists.security.Account;
import dev.quire.lists.security.ListRights;
import dev.quire.lists.security.ListRole;
import dev.quire.mail.EmailAddress;

/**
 * Every list with its counts, creating a list from a style with its owners, and deleting a list. Deleting a
 * list deletes everything the database holds for it: members, held posts, pending requests, digests, sync
 * sources and its archive. Nothing of it is kept.
 */
@ApplicationScoped
public class SiteLists {
    private static final int MAX_OWNERS = 20;

    @Inject
    ListRights rights;

    @Inject
    SiteAdminRepository repository;

    @Inject
    ListAdminRepository lists;

    @Transactional
    public List<ListRow> all(Account caller) {
        rights.requireSiteAdmin(caller);
        return repository.lists();
    }

    /** Creates a list from a style with its owners; nothing is created when any field is bad. */
    @Transactional
    public ListRow create(Account caller, ListCreation request) {
        rights.requireSiteAdmin(caller);
        Map<String, String> bad = new LinkedHashMap<>();
        EmailAddress address = check(bad, "address", () -> Names.address("address", request.address()));
        ListStyle style = check(bad, "style", () -> ListStyles.parse(request.style()));
        String displayName = check(bad, "displayName", () -> Names.text("displayName", request.displayName(), 200));
        String description = check(bad, "description", () -> Names.text("description", request.description(), 2000));
        Set<EmailAddress> owners = new LinkedHashSet<>();
        List<String> given = request.owners() == null ? List.of() : request.owners();
        for (String o : given) {
            if (o != null && !o.isBlank()) {
                EmailAddress a = check(bad, "owners", () -> Names.address("owners", o));
                if (a != null) {
                    owners.add(a);
                }
            }
        }
        if (owners.isEmpty() && !bad.containsKey("owners")) {
            bad.put("owners", "give at least one owner address");
        } else if (owners.size() > MAX_OWNERS) {
            bad.put("owners", "at most " + MAX_OWNERS + " owners");
        }
        Domain domain = null;
        if (address != null) {
            check(bad, "address", () -> Names.localPart("address", address.localPart()));
            domain = repository.findDomain(address.domain()).orElse(null);
            if (domain == null) {
                bad.put("address", "there is no domain " + address.domain() + ": create it first");
            } else if (domain.kind() != DomainKind.LIST) {
                bad.put("address", address.domain() + " is a LOCAL domain (mailboxes); lists live in a LIST domain");
            }
        }
        if (!bad.isEmpty()) {
            throw SiteRefusal.invalid("The list cannot be created as asked; nothing was created.", bad);
        }
        if (lists.find(address).isPresent()) {
            throw SiteRefusal.conflict("The list " + address + " exists already.");
        }
        if (repository.alias(address).isPresent()) {
            throw SiteRefusal.conflict("An alias " + address + " exists already; delete it first.");
        }
        String name = address.localPart().toLowerCase(java.util.Locale.ROOT);
        MailingList list = new MailingList(domain, name, displayName == null ? name : displayName,
                "[" + name + "] ");
        list.setDescription(description);
        ListStyles.apply(style, list);
        List<Member> staff = new ArrayList<>();
        for (EmailAddress owner : owners) {
            staff.add(new Member(list, owner, MemberRole.OWNER));
        }
        repository.addList(list, staff);
        return new ListRow(list, 0, 0);
    }

    /** The list with its counts, for the confirmation page. */
    @Transactional
    public ListRow find(Account caller, String address) {
        // 404 for a list the caller has no role on, 403 for its owner or moderator
        MailingList list = rights.require(caller, address, ListRole.SITE_ADMIN).list();
        return repository.lists().stream().filter(r -> r.list().id().equals(list.id())).findFirst().orElseThrow();
    }

    /** Deletes a list with its members, held posts and archive; returns what it held. */
    @Transactional
    public ListRow delete(Account caller, String address) {
        ListRow row = find(caller, address);
        repository.removeList(row.list());
        return row;
    }

    /** Runs a check, recording its field message instead of throwing, so every bad field is named at once. */
    static <T> T check(Map<String, String> bad, String field, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (SiteRefusal e) {
            bad.putIfAbsent(field, e.fields().getOrDefault(field, e.getMessage()));
            return null;
        }
    }
}
