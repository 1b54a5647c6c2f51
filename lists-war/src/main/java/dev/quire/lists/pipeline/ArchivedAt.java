package dev.quire.lists.pipeline;

import jakarta.enterprise.context.ApplicationScoped;

import dev.quire.lists.posting.Post;

/**
 * {@code archived-at}: the RFC 5064 Archived-At field with the URL the archive handler recorded on the post
 * ({@link Post#archivedAt()}); runs after {@code to-archive}. Nothing is added for a post not archived.
 */
@ApplicationScoped
public class ArchivedAt implements Handler {
    @Override
    public void process(Post post) {
        String url = post.archivedAt();
        if (url == null || url.isBlank() || url.chars().anyMatch(c -> c <= ' ' || c == '<' || c == '>' || c > 126)) {
            return;
        }
        post.message().set("Archived-At", "<" + url + ">");
    }
}
