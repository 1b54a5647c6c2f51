package dev.quire.lists.archive;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.quire.db.archive.ArchivedMessageRepository;
import dev.quire.db.list.MailingList;

/** Stores a batch of imported messages in one transaction. */
@ApplicationScoped
public class ArchiveBatch {
    @Inject
    Archiver archiver;

    @Inject
    ArchivedMessageRepository archive;

    protected ArchiveBatch() {
    }

    public ArchiveBatch(Archiver archiver, ArchivedMessageRepository archive) {
        this.archiver = archiver;
        this.archive = archive;
    }

    /** Stores the messages in order; returns how many were new (the rest were already archived). */
    @Transactional
    public int store(MailingList list, List<byte[]> messages) throws Exception {
        int stored = 0;
        for (byte[] raw : messages) {
            if (archiver.store(list, raw).isPresent()) {
                stored++;
            }
        }
        archive.clear();
        return stored;
    }
}
