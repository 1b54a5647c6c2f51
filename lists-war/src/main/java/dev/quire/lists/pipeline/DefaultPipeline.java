package dev.quire.lists.pipeline;

import java.io.IOException;
import java.util.List;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import dev.quire.lists.posting.Post;

/** The handlers an accepted post passes, in order; the list reads like the design. */
@Dependent
public class DefaultPipeline {
    private final List<Handler> handlers;

    @Inject
    public DefaultPipeline(SubjectPrefix subjectPrefix, RfcListHeaders listHeaders, ToArchive toArchive,
            ToDigest toDigest, ToOutgoing toOutgoing) {
        this.handlers = List.of(subjectPrefix, listHeaders,
                toArchive,
                toDigest,
                toOutgoing);
    }

    public void process(Post post) throws IOException {
        for (Handler h : handlers) {
            h.process(post);
        }
    }
}
