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
}
