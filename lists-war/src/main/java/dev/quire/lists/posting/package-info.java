/**
 * What happens to a post: {@link dev.quire.lists.posting.Post} carries it, the {@link
 * dev.quire.lists.posting.DefaultPostingChain} table decides (accept, hold, reject, discard) from the rules,
 * and the {@link dev.quire.lists.posting.PostingService} carries the decision out: the pipeline, a stored
 * hold announced by {@link dev.quire.lists.posting.MessageHeld}, or a {@link
 * dev.quire.lists.posting.RejectNotice}. SECURITY: posts are untrusted; rules read their headers, the
 * approval password is stripped before anything is stored or sent, and only the chain's decision lets one out.
 */
package dev.quire.lists.posting;
