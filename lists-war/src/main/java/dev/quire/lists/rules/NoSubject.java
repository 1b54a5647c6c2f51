package dev.quire.lists.rules;

import jakarta.enterprise.context.ApplicationScoped;

import dev.quire.lists.posting.Post;

/** {@code no-subject}: the post has no subject, or nothing but the list's subject prefix. */
@ApplicationScoped
public class NoSubject implements Rule {
    @Override
    public String name() {
        return "no-subject";
    }

    @Override
    public boolean matches(Post post) {
        String subject = post.message().header("Subject").orElse("").strip();
        String prefix = post.list().subjectPrefix() == null ? "" : post.list().subjectPrefix().strip();
        if (!subject.isEmpty() && !(subject.equalsIgnoreCase(prefix))) {
            return false;
        }
        post.addReason(name(), "the message has no subject");
        return true;
    }
}
