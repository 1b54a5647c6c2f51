/**
 * What happens to a post: {@link dev.quire.lists.posting.Post} carries it, the {@link
 * dev.quire.lists.posting.DefaultPostingChain} table decides (accept, hold, reject, discard) from the rules,
 * and the {@link dev.quire.lists.posting.PostingService} files held posts or runs the pipeline.
 * SECURITY: posts are untrusted; rules read their headers, and only the chain's decision lets one out.
 */
package dev.quire.lists.posting;
