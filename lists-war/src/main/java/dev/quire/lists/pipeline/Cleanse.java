package dev.quire.lists.pipeline;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.quire.lists.posting.Post;

/**
 * {@code cleanse}: removes header fields that must not reach the members: the moderator password a poster
 * may have put in Approved (and its variants), and the requests for read or delivery receipts that would make
 * every member's mail program answer the author.
 */
@ApplicationScoped
public class Cleanse implements Handler {
    static final List<String> REMOVED = List.of("Approved", "Approve", "X-Approved", "X-Approve", "Urgent",
            "Return-Receipt-To", "Disposition-Notification-To", "X-Confirm-Reading-To", "X-PMRQC");

    @Override
    public void process(Post post) {
        REMOVED.forEach(post.message()::remove);
    }
}
