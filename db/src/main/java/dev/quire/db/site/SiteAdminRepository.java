package dev.quire.db.site;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.quire.db.domain.Domain;
import dev.quire.db.domain.DomainKind;
import dev.quire.db.list.MailingList;
import dev.quire.db.list.Member;
import dev.quire.db.list.MemberRole;
import dev.quire.db.routing.Alias;
import dev.quire.db.routing.RelayNetwork;
import dev.quire.db.user.SiteUser;
import dev.quire.mail.EmailAddress;

/** Domains, lists, routing tables and site users as the site admin edits them. */
@ApplicationScoped
public class SiteAdminRepository {
    @PersistenceContext
    EntityManager em;

    /** A served domain with what it holds. */
    public record DomainRow(String name, DomainKind kind, long lists, long mailboxes, long aliases) {
    }

    /** A list with its number of members (role MEMBER) and archived messages. */
    public record ListRow(MailingList list, long members, long archived) {
    }

    /** An alias row. */
    public record AliasRow(long id, String domain, String localPart, String targets) {
    }

    /** A relay network row. */
    public record NetworkRow(long id, String network) {
    }

    /** A site user and the list roles its address holds. */
    public record UserRow(SiteUser user, List<RoleRow> roles) {
    }

    /** A role row of a user's address on a list. */
    public record RoleRow(String list, MemberRole role) {
    }

    // ---- domains

    public List<DomainRow> domains() {
        Map<String, long[]> counts = new HashMap<>();
        count(counts, "select d.name, count(l) from MailingList l join l.domain d group by d.name", 0);
        count(counts, "select d.name, count(m) from Mailbox m join m.domain d group by d.name", 1);
        count(counts, "select d.name, count(a) from Alias a join a.domain d group by d.name", 2);
        return em.createQuery("select d from Domain d order by d.name", Domain.class).getResultList().stream()
                .map(d -> {
                    long[] c = counts.getOrDefault(d.name(), new long[3]);
                    return new DomainRow(d.name(), d.kind(), c[0], c[1], c[2]);
                })
                .toList();
    }

    private void count(Map<String, long[]> counts, String query, int slot) {
        for (Object[] r : em.createQuery(query, Object[].class).getResultList()) {
            counts.computeIfAbsent((String) r[0], k -> new long[3])[slot] = (Long) r[1];
        }
    }

    public Optional<DomainRow> domain(String name) {
        return domains().stream().filter(d -> d.name().equals(name)).findFirst();
    }

    public Optional<Domain> findDomain(String name) {
        return em.createQuery("select d from Domain d where d.name = :n", Domain.class).setParameter("n", name)
                .getResultStream().findFirst();
    }

    public void addDomain(Domain domain) {
        em.persist(domain);
        em.flush();
    }

    public void changeDomainKind(String name, DomainKind kind) {
        em.createQuery("update Domain d set d.kind = :k where d.name = :n").setParameter("k", kind)
                .setParameter("n", name).executeUpdate();
        em.clear(); // a bulk update bypasses the persistence context: read the domain afresh
    }

    /** Deletes a domain and its DB-held aliases; the caller has checked that it holds no list or mailbox. */
    public void removeDomain(String name) {
        em.createQuery("delete from Domain d where d.name = :n").setParameter("n", name).executeUpdate();
    }

    // ---- lists

    /** Every list with its member and archive counts, by domain and name. */
    public List<ListRow> lists() {
        Map<Long, Long> members = counts(
                "select m.list.id, count(m) from Member m where m.role = :r group by m.list.id");
        Map<Long, Long> archived = counts("select a.list.id, count(a) from ArchivedMessage a group by a.list.id");
        return em.createQuery("select l from MailingList l join fetch l.domain d order by d.name, l.name",
                MailingList.class).getResultList().stream()
                .map(l -> new ListRow(l, members.getOrDefault(l.id(), 0L), archived.getOrDefault(l.id(), 0L)))
                .toList();
    }

    private Map<Long, Long> counts(String query) {
        var q = em.createQuery(query, Object[].class);
        if (query.contains(":r")) {
            q.setParameter("r", MemberRole.MEMBER);
        }
        Map<Long, Long> out = new HashMap<>();
        for (Object[] r : q.getResultList()) {
            out.put((Long) r[0], (Long) r[1]);
        }
        return out;
    }

    public void addList(MailingList list, List<Member> staff) {
        em.persist(list);
        for (Member m : staff) {
            em.persist(m);
        }
        em.flush();
    }

    /** Deletes a list; the database deletes its members, held posts, archive, digests and sync sources with it. */
    public void removeList(MailingList list) {
        em.createQuery("delete from MailingList l where l.id = :id").setParameter("id", list.id()).executeUpdate();
    }

    // ---- aliases

    public List<AliasRow> aliases() {
        return em.createQuery("select a.id, d.name, a.localPart, a.targets from Alias a join a.domain d"
                + " order by d.name, a.localPart", Object[].class).getResultList().stream()
                .map(r -> new AliasRow((Long) r[0], (String) r[1], (String) r[2], (String) r[3])).toList();
    }

    public Optional<AliasRow> alias(EmailAddress address) {
        return em.createQuery("select a.id, d.name, a.localPart, a.targets from Alias a join a.domain d"
                + " where d.name = :d and a.localPart = :l", Object[].class)
                .setParameter("d", address.domain()).setParameter("l", address.localPart())
                .getResultStream().findFirst()
                .map(r -> new AliasRow((Long) r[0], (String) r[1], (String) r[2], (String) r[3]));
    }

    public void addAlias(Alias alias) {
        em.persist(alias);
        em.flush();
    }

    public void changeAlias(long id, String targets) {
        em.createQuery("update Alias a set a.targets = :t where a.id = :id").setParameter("t", targets)
                .setParameter("id", id).executeUpdate();
    }

    public void removeAlias(long id) {
        em.createQuery("delete from Alias a where a.id = :id").setParameter("id", id).executeUpdate();
    }

    // ---- relay networks

    public List<NetworkRow> networks() {
        return em.createQuery("select n.id, n.network from RelayNetwork n order by n.id", Object[].class)
                .getResultList().stream().map(r -> new NetworkRow((Long) r[0], (String) r[1])).toList();
    }

    public void addNetwork(RelayNetwork network) {
        em.persist(network);
        em.flush();
    }

    public void changeNetwork(long id, String network) {
        em.createQuery("update RelayNetwork n set n.network = :n where n.id = :id").setParameter("n", network)
                .setParameter("id", id).executeUpdate();
    }

    public void removeNetwork(long id) {
        em.createQuery("delete from RelayNetwork n where n.id = :id").setParameter("id", id).executeUpdate();
    }

    // ---- users

    /** Every site user with the OWNER and MODERATOR rows of its address, by user name. */
    public List<UserRow> users() {
        List<SiteUser> users = em.createQuery("select u from SiteUser u order by u.username", SiteUser.class)
                .getResultList();
        Map<String, List<RoleRow>> roles = new HashMap<>();
        for (Member m : em.createQuery("select m from Member m join fetch m.list l join fetch l.domain"
                + " where m.role in :roles order by l.name", Member.class)
                .setParameter("roles", List.of(MemberRole.OWNER, MemberRole.MODERATOR)).getResultList()) {
            roles.computeIfAbsent(m.address().toString(), k -> new java.util.ArrayList<>())
                    .add(new RoleRow(m.list().postingAddress().toString(), m.role()));
        }
        return users.stream().map(u -> new UserRow(u,
                u.email() == null ? List.of() : roles.getOrDefault(u.email().toString(), List.of()))).toList();
    }

    public Optional<SiteUser> user(String username) {
        return em.createQuery("select u from SiteUser u where u.username = :n", SiteUser.class)
                .setParameter("n", username).getResultStream().findFirst();
    }

    public boolean emailTaken(EmailAddress email) {
        return !em.createQuery("select u.id from SiteUser u where u.email = :e", Long.class)
                .setParameter("e", email.toString()).setMaxResults(1).getResultList().isEmpty();
    }

    public void addUser(SiteUser user) {
        em.persist(user);
        em.flush();
    }

    /** The row of an address in a role on a list, if any. */
    public Optional<Member> role(MailingList list, EmailAddress address, MemberRole role) {
        return em.createQuery("select m from Member m where m.list = :l and m.address = :a and m.role = :r",
                Member.class).setParameter("l", list).setParameter("a", address.toString()).setParameter("r", role)
                .getResultStream().findFirst();
    }

    public void addMember(Member member) {
        em.persist(member);
        em.flush();
    }

    public void removeMember(Member member) {
        em.remove(em.contains(member) ? member : em.merge(member));
    }
}
