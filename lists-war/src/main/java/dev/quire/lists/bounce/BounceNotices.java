package dev.quire.lists.bounce;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.db.list.BounceRepository;
import dev.quire.db.list.ListAddress;
import dev.quire.db.list.MailingList;
import dev.quire.db.list.Member;
import dev.quire.mail.Notice;
import dev.quire.lists.notice.Notifier;
import dev.quire.mail.EmailAddress;

/**
 * What bounce processing tells people: the disabled member (a warning with a token), and the owners
 * (a member disabled or removed, a suspected outage, a bounce nobody could read). Notices about bounces go
 * out with the null sender, so that they cannot bounce back into bounce processing.
 */
@ApplicationScoped
public class BounceNotices {
    private static final Logger LOG = Logger.getLogger(BounceNotices.class.getName());
    private static final int EXCERPT_LINES = 60;

    @Inject
    Notifier notifier;

    @Inject
    BounceRepository bounces;

    protected BounceNotices() {
    }

    public BounceNotices(Notifier notifier, BounceRepository bounces) {
        this.notifier = notifier;
        this.bounces = bounces;
    }

    /** Warning {@code number} of {@code of} to a member whose delivery bounces disabled. */
    public void warning(MailingList list, Member member, String token, int number, int of) throws IOException {
        EmailAddress confirm = EmailAddress.of(ListAddress.Function.CONFIRM.localPart(list.name())
                + ListAddress.DETAIL_DELIMITER + token, list.domain().name());
        String body = "Your membership of the mailing list " + list.postingAddress() + " has been disabled\n"
                + "because mail to " + member.address() + " kept bouncing.\n\n"
                + "To get the list's mail again, reply to this message, or send any message to\n\n    " + confirm
                + "\n\n" + "or send the command \"confirm " + token + "\" to "
                + list.address(ListAddress.Function.REQUEST)
                + ".\n\nThis is warning " + number + " of " + of + ". Without an answer, your subscription will be\n"
                + "removed after the last warning. Questions go to " + list.address(ListAddress.Function.OWNER) + ".\n";
        Notice notice = Notice.of(list.address(ListAddress.Function.OWNER), list.displayName(),
                List.of(member.address()), "Your membership of " + list.displayName() + " is disabled (warning "
                        + number + " of " + of + ")",
                body).header("Reply-To", confirm.toString());
        notifier.send(list.address(ListAddress.Function.BOUNCES), notice);
    }

    public void disabled(MailingList list, Member member, BounceReport last) throws IOException {
        toOwners(list, member.address() + " disabled on " + list.postingAddress() + " by bounces",
                "Delivery to " + member.address() + " is disabled: its bounce score reached "
                        + member.bounceScore() + " (threshold " + list.bounces().bounceScoreThreshold() + ").\n"
                        + "The last bounce said: " + describe(last) + "\n\nThe member gets "
                        + list.bounces().bounceWarnings() + " warnings, one every "
                        + list.bounces().bounceWarningIntervalDays() + " days, and is then removed.\n");
    }

    public void removed(MailingList list, EmailAddress address) throws IOException {
        toOwners(list, address + " removed from " + list.postingAddress() + " by bounces",
                address + " was unsubscribed from " + list.postingAddress() + ": its delivery was disabled by"
                        + " bounces and " + list.bounces().bounceWarnings() + " warnings went unanswered.\n");
    }

    public void outage(MailingList list, String why) throws IOException {
        toOwners(list, "Bounces on " + list.postingAddress() + " held back: a remote outage?",
                "Bounce scores on " + list.postingAddress() + " are being held back because " + why + ".\n"
                        + "That looks like a problem at the receiving end rather than bad addresses, so no member\n"
                        + "is scored or disabled for these bounces. They stay recorded (bounce_event, unprocessed).\n"
                        + "You hear about this at most once a day.\n");
    }

    public void unrecognized(MailingList list, byte[] raw) throws IOException {
        String[] lines = new String(raw, StandardCharsets.UTF_8).split("\r?\n", EXCERPT_LINES + 1);
        StringBuilder excerpt = new StringBuilder();
        for (int i = 0; i < Math.min(EXCERPT_LINES, lines.length); i++) {
            excerpt.append("> ").append(lines[i]).append('\n');
        }
        toOwners(list, "Unrecognized bounce for " + list.postingAddress(),
                "A message reached " + list.address(ListAddress.Function.BOUNCES)
                        + " that names no member of the list.\nIts beginning:\n\n" + excerpt);
    }

    private void toOwners(MailingList list, String subject, String body) throws IOException {
        List<EmailAddress> owners = bounces.owners(list).stream().map(Member::address).toList();
        if (owners.isEmpty()) {
            LOG.info(() -> "no owner of " + list.postingAddress() + " to tell: " + subject);
            return;
        }
        notifier.send(null, Notice.of(list.address(ListAddress.Function.OWNER), list.displayName(), owners, subject,
                body));
    }

    static String describe(BounceReport r) {
        return (r.permanent() ? "permanent" : "transient") + " failure"
                + (r.status() == null ? "" : " " + r.status())
                + (r.diagnostic() == null ? "" : " (" + r.diagnostic() + ")") + ", found by " + r.method();
    }
}
