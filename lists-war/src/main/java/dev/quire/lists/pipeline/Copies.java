package dev.quire.lists.pipeline;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.quire.db.list.ListAddress;
import dev.quire.db.list.MailingList;
import dev.quire.db.list.Member;
import dev.quire.lists.config.ListsSettings;
import dev.quire.lists.deliverability.OutgoingSigner;
import dev.quire.lists.deliverability.unsubscribe.OneClickUnsubscribe;
import dev.quire.lists.message.MailMessage;
import dev.quire.lists.notice.Template;

/**
 * Makes the copies that leave: the list's common copy (decorated with list variables) or one copy per member
 * (decorated with the member's variables, with an RFC 8058 one-click List-Unsubscribe for that member), each
 * DKIM-signed and ARC-sealed last, after every change.
 */
@ApplicationScoped
public class Copies {
    @Inject
    ListsSettings settings;

    @Inject
    OneClickUnsubscribe unsubscribe;

    @Inject
    OutgoingSigner signer;

    /** The copy every member of a non-personalized list gets. */
    public byte[] common(MailingList list, MailMessage post) throws IOException {
        MailMessage copy = post.copy();
        Map<String, String> vars = listVariables(list);
        vars.put("unsubscribe_url", "mailto:" + list.address(ListAddress.Function.LEAVE));
        decorate(list, copy, vars);
        signer.sign(list, copy);
        return copy.toBytes();
    }

    /**
     * The copy for one member of a personalized list from a splice prepared once for the post
     * ({@link #prepare}), or made whole when there is none or the member's values cannot be spliced.
     */
    public byte[] personal(MailingList list, MailMessage post, PersonalSplice splice, Member member)
            throws IOException {
        String[] values = memberValues(list, member);
        if (splice != null && java.util.Arrays.stream(values).allMatch(PersonalSplice::spliceable)) {
            return splice.copy(values);
        }
        return personal(list, post, values);
    }

    /**
     * Serialises the post's personalized copy once with markers for the member's values, when splicing the
     * values in gives the very bytes {@link #personal} makes: the copies are not signed (a signature covers
     * the whole copy), and the member variables, if the header or footer uses any, appear verbatim in an
     * inline text/plain decoration (not quoted-printable, not inside a MIME part). Null otherwise.
     */
    public PersonalSplice prepare(MailingList list, MailMessage post) throws IOException {
        if (signer.signs(list)) {
            return null;
        }
        List<String> markers = PersonalSplice.markers();
        String[] values = markers.toArray(String[]::new);
        MailMessage copy = post.copy();
        Map<String, String> vars = personalVariables(list, values);
        var p = list.pipeline();
        String header = Template.render(p.headerTemplate(), vars);
        String footer = Template.render(p.footerTemplate(), vars);
        boolean usesMember = markers.stream().anyMatch(m -> header.contains(m) || footer.contains(m));
        if (usesMember && Decorate.route(copy, header, footer) != Decorate.Route.INLINE) {
            return null;
        }
        Decorate.apply(copy, header, footer);
        oneClick(list, copy, values[3]);
        return PersonalSplice.of(copy.toBytes(), markers);
    }

    private byte[] personal(MailingList list, MailMessage post, String[] values) throws IOException {
        MailMessage copy = post.copy();
        decorate(list, copy, personalVariables(list, values));
        oneClick(list, copy, values[3]);
        signer.sign(list, copy);
        return copy.toBytes();
    }

    /** A member's values in {@link PersonalSplice#VARIABLES} order. */
    private String[] memberValues(MailingList list, Member member) {
        String address = member.address().toString();
        return new String[]{address, address, member.displayName() == null ? address : member.displayName(),
                unsubscribe.url(list, member.address())};
    }

    private Map<String, String> personalVariables(MailingList list, String[] values) {
        Map<String, String> vars = listVariables(list);
        for (int i = 0; i < values.length; i++) {
            vars.put(PersonalSplice.VARIABLES.get(i), values[i]);
        }
        return vars;
    }

    private static void oneClick(MailingList list, MailMessage copy, String url) {
        copy.set("List-Unsubscribe", "<" + url + ">, <mailto:" + list.address(ListAddress.Function.LEAVE) + ">");
        copy.set("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }

    private static void decorate(MailingList list, MailMessage copy, Map<String, String> vars) throws IOException {
        var p = list.pipeline();
        Decorate.apply(copy, Template.render(p.headerTemplate(), vars), Template.render(p.footerTemplate(), vars));
    }

    /** Mailman's list variables for header and footer templates. */
    Map<String, String> listVariables(MailingList list) {
        Map<String, String> vars = new HashMap<>();
        vars.put("display_name", list.displayName());
        vars.put("list_name", list.name());
        vars.put("listname", list.postingAddress().toString());
        vars.put("fqdn_listname", list.postingAddress().toString());
        vars.put("list_id", list.listId());
        vars.put("description", list.description() == null ? "" : list.description());
        vars.put("request_email", list.address(ListAddress.Function.REQUEST).toString());
        vars.put("list_requests", list.address(ListAddress.Function.REQUEST).toString());
        vars.put("owner_email", list.address(ListAddress.Function.OWNER).toString());
        vars.put("archive_url", RfcListHeaders.archiveUrl(settings.webUrl(), list));
        return vars;
    }
}
