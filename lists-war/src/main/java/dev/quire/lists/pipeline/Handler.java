package dev.quire.lists.pipeline;

import java.io.IOException;

import dev.quire.lists.posting.Post;

/** One transformation of an accepted post. */
public interface Handler {
    void process(Post post) throws IOException;
}
