package dev.quire.lists.posting;

import java.io.IOException;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.quire.db.list.Action;
import dev.quire.db.list.HeldMessage;
import dev.quire.db.list.HeldMessageRepository;
import dev.quire.db.list.MailingList;
import dev.quire.db.list.SeenMessageRepository;
import dev.quire.lists.message.Approval;
import dev.quire.lists.message.MailMessage;
import dev.quire.lists.pipeline.DefaultPipeline;
import dev.quire.mail.EmailAddress;

/**
 * Takes a post to a list through the chain and carries out the decision: accept runs the pipeline, hold
 * stores the post, fires {@link MessageHeld} and tells the poster ({@link HeldNotice}), reject tells the sender
 * why, discard drops it. Any
 * approval password is removed first. A failure (the database, the MTA) undoes it all, so the LMTP
 * delivery is retried.
 */
@ApplicationScoped
public class PostingService {
    private static final Logger LOG = Logger.getLogger(PostingService.class.getName());

    @Inject
    DefaultPostingChain chain;

    @Inject
    DefaultPipeline pipeline;

    @Inject
    HeldMessageRepository held;

    @Inject
    SeenMessageRepository seen;

    @Inject
    RejectNotice rejectNotice;

    @Inject
    HeldNotice heldNotice;

    @Inject
    Event<MessageHeld> messageHeld;

    /** Decides and acts on one post; returns the decision. Throws when the hand-off to the MTA failed. */
    @Transactional(rollbackOn = IOException.class)
    public Action post(MailingList list, EmailAddress sender, byte[] raw) throws IOException {
        Post post = new Post(list, sender, MailMessage.parse(raw));
        Action action = chain.decide(post);
        Approval.strip(post.message());
        String messageId = post.message().header("Message-ID").orElse("");
        LOG.info(() -> "post to " + list.postingAddress() + " " + messageId + " from <" + (sender == null
                ? ""
                : sender) + ">: " + action + (post.reasons().isEmpty() ? "" : " " + post.reasons()));
        switch (action) {
            case ACCEPT -> distribute(post);
            case HOLD -> hold(post);
            case REJECT -> rejectNotice.send(list, sender, post.message(), post.reasons());
            case DISCARD -> {
            }
            case DEFER -> throw new IllegalStateException("the chain never ends with defer");
        }
        return action;
    }

    /**
     * Runs the pipeline on an accepted post and remembers its Message-ID for the loop rule; also how a
     * moderator's approval sends a held post on.
     */
    @Transactional(rollbackOn = IOException.class)
    public void distribute(Post post) throws IOException {
        String messageId = post.message().header("Message-ID").orElse("");
        pipeline.process(post);
        if (!messageId.isBlank()) {
            seen.record(post.list(), messageId);
        }
    }

    private void hold(Post post) throws IOException {
        EmailAddress sender = post.envelopeSender();
        HeldMessage message = new HeldMessage(post.list(), sender == null ? null : sender.toString(),
                post.message().header("Message-ID").orElse(null), post.message().header("Subject").orElse(null),
                String.join("\n", post.reasons()), post.message().toBytes());
        held.add(message);
        messageHeld.fire(new MessageHeld(message, post.reasons()));
        heldNotice.send(post.list(), sender, post.message(), post.reasons());
    }
}
