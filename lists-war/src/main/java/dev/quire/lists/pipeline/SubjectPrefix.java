package dev.quire.lists.pipeline;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import dev.quire.lists.posting.Post;

/** Puts the list's subject prefix in front of the Subject, once: replies keep a single prefix. */
@ApplicationScoped
public class SubjectPrefix implements Handler {
    @Override
    public void process(Post post) {
        String prefix = post.list().subjectPrefix();
        if (prefix == null || prefix.isBlank()) {
            return;
        }
        String subject = post.message().header("Subject").orElse("");
        String bare = prefix.strip();
        String rest = subject.replaceFirst("^((?:(?i:re|aw|sv|fwd?):\\s*)*)" + Pattern.quote(bare) + "\\s*", "$1");
        post.message().set("Subject", prefix + rest.strip());
    }
}
