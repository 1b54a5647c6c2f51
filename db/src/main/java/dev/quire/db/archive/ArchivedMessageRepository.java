package dev.quire.db.archive;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.quire.db.list.MailingList;

/** Stores archived posts and finds them by Message-ID hash, thread and position. */
@ApplicationScoped
public class ArchivedMessageRepository {
    @PersistenceContext
    EntityManager em;

    protected ArchivedMessageRepository() {
    }

    /** For code that manages its own persistence context (tests, tools). */
    public ArchivedMessageRepository(EntityManager em) {
        this.em = em;
    }

    /** Stores a message and gives it its id (needed to start a thread). */
    public void add(ArchivedMessage message) {
        em.persist(message);
        em.flush();
    }

    /** The archived message of the list with this Message-ID hash (SHA-256 of the id without brackets). */
    public Optional<ArchivedMessage> byMessageIdHash(MailingList list, byte[] hash) {
        return em.createQuery("select a from ArchivedMessage a where a.list = :list and a.messageIdHash = :hash",
                ArchivedMessage.class)
                .setParameter("list", list)
                .setParameter("hash", hash)
                .getResultStream()
                .findFirst();
    }

    /** One page of the list's archive in archive order, after {@code afterId} (0 for the start). */
    public List<ArchivedMessage> page(MailingList list, long afterId, int size) {
        return em.createQuery("select a from ArchivedMessage a where a.list = :list and a.id > :after order by a.id",
                ArchivedMessage.class)
                .setParameter("list", list)
                .setParameter("after", afterId)
                .setMaxResults(size)
                .getResultList();
    }

    /** The messages of one thread, in archive order. */
    public List<ArchivedMessage> thread(MailingList list, long threadId) {
        return em.createQuery("select a from ArchivedMessage a where a.list = :list and a.threadId = :thread"
                + " order by a.id", ArchivedMessage.class)
                .setParameter("list", list)
                .setParameter("thread", threadId)
                .getResultList();
    }

    /** Messages that answer {@code messageId} (their In-Reply-To) but arrived before it: no parent yet. */
    public List<ArchivedMessage> orphansOf(MailingList list, String messageId) {
        return em.createQuery("select a from ArchivedMessage a where a.list = :list and a.inReplyTo = :id"
                + " and a.parentId is null order by a.id", ArchivedMessage.class)
                .setParameter("list", list)
                .setParameter("id", messageId)
                .getResultList();
    }

    /** Moves every message of thread {@code from} into thread {@code to}. */
    public void moveThread(MailingList list, long from, long to) {
        em.createQuery("update ArchivedMessage a set a.threadId = :to where a.list = :list and a.threadId = :from")
                .setParameter("to", to)
                .setParameter("list", list)
                .setParameter("from", from)
                .executeUpdate();
    }

    public long count(MailingList list) {
        return em.createQuery("select count(a) from ArchivedMessage a where a.list = :list", Long.class)
                .setParameter("list", list)
                .getSingleResult();
    }

    /** Lets go of messages already written, so a long export or import does not hold them all. */
    public void clear() {
        em.flush();
        em.clear();
    }

    // Bulk import: a few statements per batch instead of several per message.

    /** Where a message sits in its list's threads. */
    public record ThreadNode(long id, long threadId) {
    }

    /**
     * The archived messages of the list among these Message-ID hashes, keyed by the hash in hex, each with its
     * thread (its own id for a root).
     */
    public java.util.Map<String, ThreadNode> threadNodes(MailingList list, java.util.Collection<byte[]> hashes) {
        java.util.Map<String, ThreadNode> found = new java.util.HashMap<>();
        List<byte[]> all = List.copyOf(hashes);
        for (int from = 0; from < all.size(); from += 500) {
            List<byte[]> chunk = all.subList(from, Math.min(all.size(), from + 500));
            StringBuilder sql = new StringBuilder("SELECT message_id_hash, id, COALESCE(thread_id, id)"
                    + " FROM archived_message WHERE list_id = ?1 AND message_id_hash IN (");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append('?').append(i + 2);
            }
            var query = em.createNativeQuery(sql.append(')').toString()).setParameter(1, list.id());
            for (int i = 0; i < chunk.size(); i++) {
                query.setParameter(i + 2, chunk.get(i));
            }
            for (Object row : query.getResultList()) {
                Object[] r = (Object[]) row;
                found.put(java.util.HexFormat.of().formatHex((byte[]) r[0]),
                        new ThreadNode(((Number) r[1]).longValue(), ((Number) r[2]).longValue()));
            }
        }
        return found;
    }

    /** Stores a message without writing anything else pending; its identity column gives it its id at once. */
    public void insert(ArchivedMessage message) {
        em.persist(message);
    }

    /** Makes each of these messages the root of its own thread (thread id = id). */
    public void startThreads(java.util.Collection<Long> ids) {
        List<Long> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += 1000) {
            em.createQuery("update ArchivedMessage a set a.threadId = a.id where a.id in :ids")
                    .setParameter("ids", all.subList(from, Math.min(all.size(), from + 1000)))
                    .executeUpdate();
        }
    }

    /** Messages without a parent whose In-Reply-To is one of these Message-IDs, oldest first. */
    public List<ArchivedMessage> orphansOf(MailingList list, java.util.Collection<String> messageIds) {
        List<String> all = List.copyOf(messageIds);
        List<ArchivedMessage> out = new java.util.ArrayList<>();
        for (int from = 0; from < all.size(); from += 500) {
            out.addAll(em.createQuery("select a from ArchivedMessage a where a.list = :list and a.parentId is null"
                    + " and a.inReplyTo in :ids order by a.id", ArchivedMessage.class)
                    .setParameter("list", list)
                    .setParameter("ids", all.subList(from, Math.min(all.size(), from + 500)))
                    .getResultList());
        }
        return out;
    }

    /**
     * Adds these just-stored posts to their list's posts per month ({@code archive_month}, V16), in the
     * caller's transaction: the archive's front page reads those counts (ArchiveIndexRepository.months).
     */
    public void countMonths(java.util.Collection<Long> ids) {
        List<Long> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += 1000) {
            em.createNativeQuery(ArchiveIndexRepository.COUNT_MONTHS)
                    .setParameter("ids", all.subList(from, Math.min(all.size(), from + 1000)))
                    .executeUpdate();
        }
    }
}
