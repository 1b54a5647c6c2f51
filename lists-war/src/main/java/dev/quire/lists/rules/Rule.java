package dev.quire.lists.rules;

import dev.quire.lists.posting.Post;

/** A posting rule: it matches or not, and when it matches it records why on the post. */
public interface Rule {
    /** The rule's kebab-case name, shown to moderators. */
    String name();

    boolean matches(Post post);
}
