package dev.quire.lists.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.quire.db.archive.ArchivedMessage;
import dev.quire.db.archive.ArchivedMessageRepository;
import dev.quire.db.list.MailingList;

/**
 * Moves a list's archive in and out as mbox: export writes mboxrd in archive order; import reads a Mailman 2
 * (pipermail) or any mboxrd/mboxo file, skipping messages whose Message-ID the list already has, and threads
 * them as it goes. Import commits every {@value #BATCH} messages, so a failure loses at most one batch and a
 * re-run skips what is in.
 */
@ApplicationScoped
public class ArchiveTransfer {
    static final int BATCH = 250;
    private static final Logger LOG = Logger.getLogger(ArchiveTransfer.class.getName());

    /** What an import did. */
    public record ImportResult(int read, int imported, int duplicates, long millis) {
        public double perSecond() {
            return millis == 0 ? imported : imported * 1000.0 / millis;
        }
    }

    @Inject
    ArchiveBatch batches;

    @Inject
    ArchivedMessageRepository archive;

    protected ArchiveTransfer() {
    }

    public ArchiveTransfer(ArchiveBatch batches, ArchivedMessageRepository archive) {
        this.batches = batches;
        this.archive = archive;
    }

    public ImportResult importMbox(MailingList list, InputStream mbox) throws IOException {
        long start = System.nanoTime();
        List<byte[]> pending = new ArrayList<>(BATCH);
        int[] imported = {0};
        int read;
        try {
            read = Mbox.read(mbox, raw -> {
                pending.add(raw);
                if (pending.size() == BATCH) {
                    imported[0] += flush(list, pending);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        imported[0] += flush(list, pending);
        ImportResult r = new ImportResult(read, imported[0], read - imported[0],
                (System.nanoTime() - start) / 1_000_000);
        LOG.info(() -> "mbox import into " + list.postingAddress() + ": " + r);
        return r;
    }

    private int flush(MailingList list, List<byte[]> pending) {
        if (pending.isEmpty()) {
            return 0;
        }
        try {
            return batches.store(list, List.copyOf(pending));
        } catch (Exception e) {
            throw new UncheckedIOException(new IOException("archive import failed: " + e.getMessage(), e));
        } finally {
            pending.clear();
        }
    }

    /** Writes the list's whole archive as mboxrd; returns the number of messages. */
    @Transactional
    public int exportMbox(MailingList list, OutputStream out) throws IOException {
        long after = 0;
        int n = 0;
        while (true) {
            List<ArchivedMessage> page = archive.page(list, after, BATCH);
            if (page.isEmpty()) {
                return n;
            }
            for (ArchivedMessage a : page) {
                Mbox.write(out, a.sender(), a.sentAt() != null ? a.sentAt() : a.archivedAt(), a.raw());
                after = a.id();
                n++;
            }
            archive.clear();
        }
    }
}
