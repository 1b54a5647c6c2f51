package dev.quire.db.list;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import dev.quire.db.pending.PendingRequest;

/**
 * What the list owner's tools ask of the database beyond the list engine's own repositories: a page of a
 * roster with a search (answered from the index {@code ix_member_roster}), members by bounce state, a
 * list's own bans and the site's, header matches by id, pending requests by id, and CSV imports.
 */
@ApplicationScoped
public class OwnerToolsRepository {
    @PersistenceContext
    EntityManager em;

    /**
     * One page of a list's members in a role, by address. {@code search} (when not blank) keeps the members
     * whose address or name contains it, regardless of case. The page's ids come first from the roster index
     * alone (skipping rows there costs no table reads), then only those rows are read: a late row lookup, so
     * page 2,000 of a 100,000-member list costs about what page 1 does.
     */
    public List<Member> page(MailingList list, MemberRole role, String search, int offset, int size) {
        TypedQuery<Long> q = em.createQuery("select m.id from Member m where m.list = :l and m.role = :r"
                + filter(search) + " order by m.address", Long.class);
        return rows(bind(q, list, role, search).setFirstResult(offset).setMaxResults(size).getResultList());
    }

    /** A page of a search with the number of all its matches. */
    public record SearchPage(List<Member> members, long total) {
    }

    /**
     * One page of a search (a non-blank text the address or name contains) and the number of all matches, from
     * one scan of the roster index ({@code COUNT(*) OVER ()}) rather than two.
     */
    public SearchPage search(MailingList list, MemberRole role, String search, int offset, int size) {
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery("SELECT m.id, COUNT(*) OVER () FROM member m WHERE m.list_id = ?1"
                + " AND m.role = ?2 AND (m.address LIKE ?3 OR m.display_name LIKE ?3) ORDER BY m.address"
                + " LIMIT ?4 OFFSET ?5")
                .setParameter(1, list.id())
                .setParameter(2, role.name())
                .setParameter(3, "%" + escapeLike(search.strip()) + "%")
                .setParameter(4, size)
                .setParameter(5, offset)
                .getResultList();
        if (found.isEmpty()) {
            return new SearchPage(List.of(), offset == 0 ? 0 : count(list, role, search));
        }
        List<Long> ids = found.stream().map(r -> ((Number) r[0]).longValue()).toList();
        return new SearchPage(rows(ids), ((Number) found.get(0)[1]).longValue());
    }

    private List<Member> rows(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select m from Member m where m.id in :ids order by m.address", Member.class)
                .setParameter("ids", ids).getResultList();
    }

    /** How many members {@link #page} pages through. */
    public long count(MailingList list, MemberRole role, String search) {
        TypedQuery<Long> q = em.createQuery("select count(m) from Member m where m.list = :l and m.role = :r"
                + filter(search), Long.class);
        return bind(q, list, role, search).getSingleResult();
    }

    private static String filter(String search) {
        return search == null || search.isBlank() ? "" : " and (m.address like :q or m.displayName like :q)";
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> q, MailingList list, MemberRole role, String search) {
        q.setParameter("l", list).setParameter("r", role);
        if (search != null && !search.isBlank()) {
            q.setParameter("q", "%" + escapeLike(search.strip()) + "%");
        }
        return q;
    }

    /** A LIKE pattern that matches the text literally (MariaDB's escape character is the backslash). */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Lets the persistence context forget rows already used (long exports). */
    public void detach(List<?> rows) {
        rows.forEach(em::detach);
    }

    /** A member row by id, when it belongs to the list. */
    public Optional<Member> member(MailingList list, long id) {
        Member m = em.find(Member.class, id);
        return m == null || !m.list().id().equals(list.id()) ? Optional.empty() : Optional.of(m);
    }

    /** The members with a bounce score, or whose delivery bounces turned off, by score (highest first). */
    public List<Member> bouncing(MailingList list, int limit) {
        return em.createQuery("select m from Member m where m.list = :l and m.role = :r and (m.bounceScore > 0"
                + " or m.disabledReason = :bounces) order by m.bounceScore desc, m.address", Member.class)
                .setParameter("l", list)
                .setParameter("r", MemberRole.MEMBER)
                .setParameter("bounces", DisabledReason.BY_BOUNCES)
                .setMaxResults(limit)
                .getResultList();
    }

    /** A list's own bans ({@code list} given) or the site's ({@code list} null), oldest first. */
    public List<Ban> bans(MailingList list) {
        TypedQuery<Ban> q = list == null
                ? em.createQuery("select b from Ban b where b.list is null order by b.id", Ban.class)
                : em.createQuery("select b from Ban b where b.list = :l order by b.id", Ban.class).setParameter("l",
                        list);
        return q.getResultList();
    }

    /** A ban by id in the list's own bans (or the site's, for {@code list} null). */
    public Optional<Ban> ban(MailingList list, long id) {
        Ban b = em.find(Ban.class, id);
        Long scope = list == null ? null : list.id(); // null: the site-wide bans
        return b == null || !java.util.Objects.equals(b.list() == null ? null : b.list().id(), scope)
                ? Optional.empty()
                : Optional.of(b);
    }

    public void addBan(Ban ban) {
        em.persist(ban);
        em.flush();
    }

    public void removeBan(Ban ban) {
        em.remove(ban);
    }

    /** A header match by id, when it belongs to the list. */
    public Optional<HeaderMatch> headerMatch(MailingList list, long id) {
        HeaderMatch h = em.find(HeaderMatch.class, id);
        return h == null || !h.list().id().equals(list.id()) ? Optional.empty() : Optional.of(h);
    }

    public void removeHeaderMatch(HeaderMatch match) {
        em.remove(match);
    }

    /** A pending request by id, when it belongs to the list. */
    public Optional<PendingRequest> pending(MailingList list, long id) {
        PendingRequest p = em.find(PendingRequest.class, id);
        return p == null || !p.list().id().equals(list.id()) ? Optional.empty() : Optional.of(p);
    }

    /** The addresses of a list's members in a role, in address order (for imports in replace mode and export). */
    public List<String> addresses(MailingList list, MemberRole role) {
        return em.createQuery("select m.address from Member m where m.list = :l and m.role = :r order by m.address",
                String.class).setParameter("l", list).setParameter("r", role).getResultList();
    }

    public void addImport(RosterImport i) {
        em.persist(i);
        em.flush();
    }

    /** An import by id, when it belongs to the list. */
    public Optional<RosterImport> rosterImport(MailingList list, long id) {
        RosterImport i = em.find(RosterImport.class, id);
        return i == null || !i.list().id().equals(list.id()) ? Optional.empty() : Optional.of(i);
    }

    /** An import of the list by id, its row locked until the transaction ends (to start or resume it once). */
    public Optional<RosterImport> rosterImportForUpdate(MailingList list, long id) {
        RosterImport i = em.find(RosterImport.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        return i == null || !i.list().id().equals(list.id()) ? Optional.empty() : Optional.of(i);
    }

    /** An import by id, whatever its list (for the job that applies it). */
    public Optional<RosterImport> rosterImport(long id) {
        return Optional.ofNullable(em.find(RosterImport.class, id));
    }
}
