package dev.quire.lists.admin;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.quire.db.list.HeldMessage;
import dev.quire.db.list.HeldMessageRepository;
import dev.quire.db.list.ListAddress;
import dev.quire.db.list.MailingList;
import dev.quire.lists.moderation.ModerationService;
import dev.quire.lists.moderation.Outcome;
import dev.quire.lists.security.Account;
import dev.quire.lists.security.ListRights;
import dev.quire.lists.security.ListRole;
import dev.quire.mail.EmailAddress;

/**
 * Held posts for a list's moderators (and owners): the queue, one post shown as text, and the decisions
 * on one or many, carried out by the list engine's {@link ModerationService}.
 */
@ApplicationScoped
public class HeldAdministration {
    @Inject
    ListRights rights;

    @Inject
    HeldMessageRepository held;

    @Inject
    ModerationService moderation;

    /** What a moderator may decide. */
    public enum Action {
        ACCEPT, REJECT, DISCARD, DEFER, ACCEPT_AND_UNMODERATE;

        /** The action named by a form or a JSON body ({@code accept}, {@code accept-and-unmoderate}, ...), or 400. */
        public static Action parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
            } catch (RuntimeException e) {
                throw Refused.invalid("action", "action must be one of accept, reject, discard, defer,"
                        + " accept-and-unmoderate");
            }
        }
    }

    @Transactional
    public List<HeldMessage> queue(Account caller, String list) {
        return held.of(rights.require(caller, list, ListRole.MODERATOR).list());
    }

    @Transactional
    public HeldPost post(Account caller, String list, long id) {
        MailingList l = rights.require(caller, list, ListRole.MODERATOR).list();
        return held.find(l, id).map(HeldPost::of)
                .orElseThrow(() -> Refused.notFound("No post #" + id + " is held on " + list + "."));
    }

    /** Carries out one decision on posts of the list; posts not held there get a not-done outcome. */
    public List<Outcome> decide(Account caller, String list, List<Long> ids, Action action, String reason)
            throws IOException {
        if (ids.isEmpty()) {
            throw Refused.invalid("ids", "Choose at least one held post.");
        }
        MailingList l = rights.require(caller, list, ListRole.MODERATOR).list();
        EmailAddress moderator = caller.email() != null ? caller.email() : l.address(ListAddress.Function.OWNER);
        String why = reason == null ? "" : reason.replaceAll("\\p{Cntrl}", " ").strip();
        switch (action) {
            case ACCEPT :
                return moderation.accept(l, ids, moderator);
            case REJECT :
                return moderation.reject(l, ids, why, moderator);
            case DISCARD :
                return moderation.discard(l, ids, moderator);
            case DEFER :
                return moderation.defer(l, ids, moderator);
            default :
                return moderation.acceptAndUnmoderate(l, ids, moderator);
        }
    }
}
