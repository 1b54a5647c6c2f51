/**
 * Posting rules: each decides one thing about a post and records its reason; the chain acts. A rule's
 * class is named after its kebab-case name ({@code NonmemberModeration} is {@code nonmember-moderation}).
 * SECURITY: rules read untrusted headers of posts; none of them changes the post.
 */
package dev.quire.lists.rules;
