package dev.quire.lists.pipeline;

import java.io.IOException;
import java.util.List;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import dev.quire.lists.posting.Post;

/**
 * The handlers an accepted post passes, in Mailman's order; the list reads like the design. Decoration,
 * the one-click List-Unsubscribe, DKIM and ARC happen per copy inside {@code to-outgoing}, so the archive
 * and digests get the post undecorated. A handler that discards the post ends the run.
 */
@Dependent
public class DefaultPipeline {
    private final List<Handler> handlers;

    @Inject
    public DefaultPipeline(ValidateAuthenticity validateAuthenticity, MimeDelete mimeDelete, Cleanse cleanse,
            ReplyTo replyTo,
            SubjectPrefix subjectPrefix, RfcListHeaders listHeaders, ToArchive toArchive, ArchivedAt archivedAt,
            ToDigest toDigest,
            Acknowledge acknowledge,
            Dmarc dmarc, ToOutgoing toOutgoing) {
        this.handlers = List.of(
                validateAuthenticity, // validate-authenticity
                mimeDelete, // mime-delete
                cleanse, // cleanse
                replyTo, // cook-headers (Reply-To)
                subjectPrefix, // subject-prefix
                listHeaders, // rfc-2369
                toArchive, // to-archive: records the archive URL on the post (Post#setArchivedAt)
                archivedAt, // archived-at (RFC 5064)
                toDigest, // to-digest
                acknowledge, // acknowledge
                dmarc, // dmarc
                toOutgoing); // to-outgoing
    }

    public void process(Post post) throws IOException {
        for (Handler h : handlers) {
            h.process(post);
            if (post.discarded() != null) {
                return;
            }
        }
    }
}
