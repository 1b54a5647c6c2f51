package dev.quire.lists.archive;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.quire.db.archive.ArchivedMessage;
import dev.quire.db.archive.ArchivedMessageRepository;
import dev.quire.db.archive.ArchivedMessageRepository.ThreadNode;
import dev.quire.db.list.MailingList;

/**
 * Stores a batch of imported messages in one transaction, threaded as {@link Archiver} threads one message, but
 * with a few statements per batch instead of several per message: one query finds which of the batch's
 * Message-IDs and parents the archive already has, each new message is one insert, one update makes the new
 * roots their own threads, and one query finds replies that were waiting for a message of the batch.
 */
@ApplicationScoped
public class ArchiveBatch {
    @Inject
    ArchivedMessageRepository archive;

    protected ArchiveBatch() {
    }

    public ArchiveBatch(ArchivedMessageRepository archive) {
        this.archive = archive;
    }

    /** Stores the messages in order; returns how many were new (the rest were already archived). */
    @Transactional
    public int store(MailingList list, List<byte[]> messages) throws Exception {
        HexFormat hex = HexFormat.of();
        List<Archiver.Prepared> prepared = new ArrayList<>(messages.size());
        Set<byte[]> wanted = new LinkedHashSet<>();
        for (byte[] raw : messages) {
            Archiver.Prepared p = Archiver.prepare(list, raw);
            prepared.add(p);
            wanted.add(p.message().messageIdHash());
            p.parents().forEach(id -> wanted.add(MessageIds.hash(id)));
        }
        Map<String, ThreadNode> known = archive.threadNodes(list, wanted);
        List<Long> roots = new ArrayList<>();
        List<String> stored = new ArrayList<>();
        List<Long> storedIds = new ArrayList<>();
        for (Archiver.Prepared p : prepared) {
            ArchivedMessage a = p.message();
            String key = hex.formatHex(a.messageIdHash());
            if (known.containsKey(key)) {
                continue; // already archived, or earlier in this batch
            }
            ThreadNode parent = null;
            for (String candidate : p.parents()) {
                parent = known.get(hex.formatHex(MessageIds.hash(candidate)));
                if (parent != null) {
                    break;
                }
            }
            if (parent != null) {
                a.setParentId(parent.id());
                a.setThreadId(parent.threadId());
            }
            archive.insert(a);
            if (parent == null) {
                roots.add(a.id());
            }
            known.put(key, new ThreadNode(a.id(), parent == null ? a.id() : parent.threadId()));
            stored.add(a.messageId());
            storedIds.add(a.id());
        }
        if (!roots.isEmpty()) {
            archive.startThreads(roots);
        }
        if (!stored.isEmpty()) {
            archive.countMonths(storedIds);
        }
        archive.clear();
        if (!stored.isEmpty()) {
            for (ArchivedMessage orphan : archive.orphansOf(list, stored)) {
                ThreadNode parent = known.get(hex.formatHex(MessageIds.hash(orphan.inReplyTo())));
                if (parent != null && parent.id() != orphan.id()) {
                    orphan.setParentId(parent.id());
                    archive.moveThread(list, orphan.threadId(), parent.threadId());
                }
            }
            archive.clear();
        }
        return stored.size();
    }
}
