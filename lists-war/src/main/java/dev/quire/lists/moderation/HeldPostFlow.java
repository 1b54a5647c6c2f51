package dev.quire.lists.moderation;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.db.list.MailingList;
import dev.quire.db.list.MailingListRepository;
import dev.quire.db.list.MemberRole;
import dev.quire.db.pending.PendingRequest;
import dev.quire.lists.pending.PendingFlow;
import dev.quire.mail.EmailAddress;

/**
 * Moderation by email: a held-post notice carries a {@code HELD_POST} token in its Reply-To
 * ({@code list-confirm+TOKEN@domain}); whoever receives the reply resumes this flow with it. The reply
 * must come from an owner or moderator of the list and say {@code accept}, {@code reject <reason>},
 * {@code discard}, {@code defer} or {@code accept and unmoderate}; the request leaves with the held post.
 */
@ApplicationScoped
public class HeldPostFlow implements PendingFlow {
    public static final String KIND = "HELD_POST";
    static final String STEP = "AWAITING_MODERATOR";
    private static final Pattern DATA = Pattern.compile("\\{\"held\":(\\d+)\\}");

    @Inject
    ModerationService moderation;

    @Inject
    MailingListRepository lists;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String resume(PendingRequest request, EmailAddress by, byte[] reply) throws IOException {
        MailingList list = request.list();
        long id = heldId(request);
        if (reply == null) {
            return "Held post #" + id + " of " + list.postingAddress() + " is waiting; act on it in the web admin.";
        }
        ModeratorReply parsed = ModeratorReply.parse(reply);
        Optional<EmailAddress> moderator = parsed.from().or(() -> Optional.ofNullable(by));
        if (moderator.isEmpty() || !(lists.hasRole(list, moderator.get(), MemberRole.OWNER)
                || lists.hasRole(list, moderator.get(), MemberRole.MODERATOR))) {
            return "Only an owner or moderator of " + list.postingAddress() + " can moderate its posts;"
                    + " nothing was done.";
        }
        Optional<Decision> decision = parsed.decision();
        if (decision.isEmpty()) {
            return "No command found: the first line of the reply (or its subject) must be accept,"
                    + " reject <reason>, discard, defer, or accept and unmoderate. Held post #" + id
                    + " stays held.";
        }
        Outcome outcome = moderation.moderate(list, List.of(id), decision.get(), moderator.get()).get(0);
        return "Held post #" + id + " of " + list.postingAddress() + ": " + outcome.detail() + ".";
    }

    /** The request's data for a held post. */
    static String data(long heldId) {
        return "{\"held\":" + heldId + "}";
    }

    private static long heldId(PendingRequest request) {
        Matcher m = DATA.matcher(request.data() == null ? "" : request.data());
        if (!m.matches()) {
            throw new IllegalStateException("a HELD_POST request without a held post: " + request.data());
        }
        return Long.parseLong(m.group(1));
    }
}
