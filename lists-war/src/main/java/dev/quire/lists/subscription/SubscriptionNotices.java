package dev.quire.lists.subscription;

import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.db.list.ListAddress;
import dev.quire.db.list.MailingList;
import dev.quire.db.pending.PendingRequest;
import dev.quire.lists.config.ListsSettings;
import dev.quire.mail.Notice;
import dev.quire.lists.notice.Notifier;
import dev.quire.lists.notice.Template;
import dev.quire.mail.EmailAddress;

/**
 * The messages of the subscription workflows: a confirmation request to the address, an approval request to
 * the moderators, and welcome, goodbye and rejection notices. Each comes from {@code list-request@} with
 * envelope sender {@code list-bounces@}; requests carry {@code Reply-To: list-confirm+TOKEN@} and the token
 * in the subject, so a plain reply (to either address) resumes the request.
 */
@ApplicationScoped
public class SubscriptionNotices {
    /** The welcome message when the list has no template of its own. */
    public static final String DEFAULT_WELCOME = """
            Welcome to the $display_name mailing list, $address!

            To post to the list, write to $posting_address.
            To leave, send any message to $leave_address, or "unsubscribe" to $request_address.
            For the other email commands (digest, delivery on or off, ...), send "help" to $request_address.
            """;

    /** The goodbye message when the list has no template of its own. */
    public static final String DEFAULT_GOODBYE = """
            $address has left the $display_name mailing list ($posting_address).

            To join again, send any message to $join_address.
            """;

    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    @Inject
    Notifier notifier;

    @Inject
    ListsSettings settings;

    /** The web page that confirms a request (a GET only shows it; its button's POST confirms). */
    String confirmUrl(PendingRequest request) {
        return settings.webUrl() + "/lists/confirm/" + request.token();
    }

    /** Asks the request's address to confirm; the token is in the subject and the Reply-To. */
    public void confirmationRequest(PendingRequest request, String verb, RequestData data) throws IOException {
        MailingList list = request.list();
        String action = verb.equals("join")
                ? "subscribe " + request.address() + " to"
                : "unsubscribe " + request.address() + " from";
        String body = "A request was made (" + describe(data) + ") to " + action + " the " + list.displayName()
                + " mailing list (" + list.postingAddress() + ").\n\n"
                + "To confirm, simply reply to this message, or send this line to "
                + list.address(ListAddress.Function.REQUEST) + ":\n\n    confirm " + request.token() + "\n\n"
                + "or open this page and press its button:\n\n    " + confirmUrl(request) + "\n\n"
                + "If you did not ask for this, ignore this message: nothing happens, and the request expires on "
                + EXPIRY.format(request.expiresAt()) + ".\n";
        send(list, List.of(EmailAddress.parse(request.address())), "confirm " + request.token(), body, request);
    }

    /** Asks the owners and moderators to approve or reject. */
    public void approvalRequest(PendingRequest request, String verb, List<EmailAddress> staff) throws IOException {
        MailingList list = request.list();
        String body = request.address() + " asks to " + verb + " the " + list.displayName() + " mailing list ("
                + list.postingAddress() + ").\n\n"
                + "To approve, reply to this message (or send \"confirm " + request.token() + "\" to "
                + list.address(ListAddress.Function.REQUEST) + ").\n"
                + "To reject, reply with \"reject\" as the first line, optionally followed by a reason:\n\n"
                + "    reject not a member of our club\n\n"
                + "Only replies from the list's owners and moderators are accepted. The request expires on "
                + EXPIRY.format(request.expiresAt()) + ".\n";
        send(list, staff, "confirm " + request.token(), body, request);
    }

    public void welcome(MailingList list, EmailAddress address) throws IOException {
        String template = list.subscriptions().welcomeTemplate();
        String body = Template.render(template == null || template.isBlank() ? DEFAULT_WELCOME : template,
                variables(list, address));
        send(list, List.of(address), "Welcome to the \"" + list.displayName() + "\" mailing list", body, null);
    }

    public void goodbye(MailingList list, EmailAddress address) throws IOException {
        String template = list.subscriptions().goodbyeTemplate();
        String body = Template.render(template == null || template.isBlank() ? DEFAULT_GOODBYE : template,
                variables(list, address));
        send(list, List.of(address), "You have left the \"" + list.displayName() + "\" mailing list", body, null);
    }

    /** Tells the address that a moderator turned its request down. */
    public void rejected(MailingList list, EmailAddress address, String verb, String reason) throws IOException {
        String body = "Your request to " + verb + " the " + list.displayName() + " mailing list ("
                + list.postingAddress() + ") was rejected by the list's moderator"
                + (reason == null || reason.isBlank() ? "." : ":\n\n    " + reason) + "\n\n"
                + "Questions go to " + list.address(ListAddress.Function.OWNER) + ".\n";
        send(list, List.of(address), "Your request to " + verb + " \"" + list.displayName() + "\" was rejected",
                body, null);
    }

    /** The variables of welcome and goodbye templates. */
    static Map<String, String> variables(MailingList list, EmailAddress address) {
        Map<String, String> v = new HashMap<>();
        v.put("address", address.toString());
        v.put("list_name", list.name());
        v.put("display_name", list.displayName());
        v.put("description", list.description() == null ? "" : list.description());
        v.put("posting_address", list.postingAddress().toString());
        v.put("request_address", list.address(ListAddress.Function.REQUEST).toString());
        v.put("join_address", list.address(ListAddress.Function.JOIN).toString());
        v.put("leave_address", list.address(ListAddress.Function.LEAVE).toString());
        v.put("owner_address", list.address(ListAddress.Function.OWNER).toString());
        return v;
    }

    private static String describe(RequestData data) {
        String who = data.requester() == null ? "someone" : data.requester();
        return switch (data.channel()) {
            case EMAIL -> "by email from " + who;
            case WEB -> "on the web site";
            case ADMIN -> "the administrator " + who;
        };
    }

    private void send(MailingList list, List<EmailAddress> to, String subject, String body, PendingRequest request)
            throws IOException {
        Notice notice = Notice.of(list.address(ListAddress.Function.REQUEST), list.displayName(), to, subject, body);
        if (request != null) {
            notice.header("Reply-To", EmailAddress.of(ListAddress.Function.CONFIRM.localPart(list.name())
                    + ListAddress.DETAIL_DELIMITER + request.token(), list.domain().name()).toString());
        }
        notifier.send(list.address(ListAddress.Function.BOUNCES), notice);
    }
}
