package dev.quire.lists.posting;

import dev.quire.db.list.Action;
import java.io.IOException;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.quire.db.list.HeldMessage;
import dev.quire.db.list.MailingList;
import dev.quire.db.list.MailingListRepository;
import dev.quire.lists.message.MailMessage;
import dev.quire.lists.pipeline.DefaultPipeline;
import dev.quire.mail.EmailAddress;

/** Takes a post to a list through the chain, then files it as held or runs the pipeline. */
@ApplicationScoped
public class PostingService {
    private static final Logger LOG = Logger.getLogger(PostingService.class.getName());

    @Inject
    DefaultPostingChain chain;

    @Inject
    DefaultPipeline pipeline;

    @Inject
    MailingListRepository lists;

    /** Decides and acts on one post; returns the decision. Throws when the hand-off to the MTA failed. */
    @Transactional
    public Action post(MailingList list, EmailAddress sender, byte[] raw) throws IOException {
        Post post = new Post(list, sender, MailMessage.parse(raw));
        Action action = chain.decide(post);
        String messageId = post.message().header("Message-ID").orElse("");
        LOG.info(() -> "post to " + list.postingAddress() + " " + messageId + " from <" + (sender == null
                ? ""
                : sender) + ">: " + action + (post.reasons().isEmpty() ? "" : " " + post.reasons()));
        switch (action) {
            case ACCEPT -> pipeline.process(post);
            case HOLD -> lists.hold(new HeldMessage(list, sender == null ? null : sender.toString(), messageId,
                    post.message().header("Subject").orElse(null), String.join("\n", post.reasons()), raw));
            case DISCARD, REJECT, DEFER -> {
            }
        }
        return action;
    }
}
