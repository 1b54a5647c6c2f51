package dev.quire.lists.pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.db.list.ArchivePolicy;
import dev.quire.db.list.MailingList;
import dev.quire.lists.config.ListsSettings;
import dev.quire.lists.archive.Archiver;
import dev.quire.lists.archive.MessageIds;
import dev.quire.lists.posting.Post;

/**
 * Stores the post in the list's archive unless the list keeps none, and gives the pipeline its RFC 5064
 * Archived-At URL ({@link Post#archivedAt()}), which the headers handler adds.
 */
@ApplicationScoped
public class ToArchive implements Handler {
    @Inject
    Archiver archiver;

    @Inject
    ListsSettings settings;

    @Override
    public void process(Post post) {
        MailingList list = post.list();
        if (list.archivePolicy() == ArchivePolicy.NONE) {
            return;
        }
        byte[] raw = post.message().toBytes();
        archiver.store(list, raw);
        post.setArchivedAt(url(settings.webUrl(), list, Archiver.messageId(post.message(), raw)));
    }

    /** {@code <base>/archives/<list-id>/<sha-256 of the Message-ID, hex>}: stable, and no address in it. */
    public static String url(String baseUrl, MailingList list, String messageId) {
        return baseUrl + "/archives/" + list.listId() + "/" + MessageIds.hex(messageId);
    }
}
