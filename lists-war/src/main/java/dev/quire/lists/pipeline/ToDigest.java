package dev.quire.lists.pipeline;

import java.io.IOException;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.db.list.DigestEntry;
import dev.quire.db.list.DigestEntryRepository;
import dev.quire.db.list.MailingList;
import dev.quire.lists.digest.DigestService;
import dev.quire.lists.posting.Post;

/**
 * Keeps the post for the list's next digest when digests are on and someone reads them, and sends the
 * digest at once when the pending posts reach the list's size threshold.
 */
@ApplicationScoped
public class ToDigest implements Handler {
    @Inject
    DigestEntryRepository digests;

    @Inject
    DigestService service;

    @Override
    public void process(Post post) throws IOException {
        MailingList list = post.list();
        if (!list.digests().digestsEnabled() || !digests.hasReaders(list)) {
            return;
        }
        var m = post.message();
        digests.add(new DigestEntry(list, m.header("From").map(v -> cut(v, 254)).orElse(null),
                m.header("Subject").map(v -> cut(v, 998)).orElse(null), m.toBytes()));
        service.sendIfFull(list, Instant.now());
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
