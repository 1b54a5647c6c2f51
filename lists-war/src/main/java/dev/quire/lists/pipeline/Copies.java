package dev.quire.lists.pipeline;

import java.io.IOException;
import java.util.HashMap;
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

    /** The copy for one member of a personalized list. */
    public byte[] personal(MailingList list, MailMessage post, Member member) throws IOException {
        MailMessage copy = post.copy();
        String url = unsubscribe.url(list, member.address());
        Map<String, String> vars = listVariables(list);
        vars.put("user_address", member.address().toString());
        vars.put("user_delivered_to", member.address().toString());
        vars.put("user_name", member.displayName() == null ? member.address().toString() : member.displayName());
        vars.put("unsubscribe_url", url);
        decorate(list, copy, vars);
        copy.set("List-Unsubscribe", "<" + url + ">, <mailto:" + list.address(ListAddress.Function.LEAVE) + ">");
        copy.set("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        signer.sign(list, copy);
        return copy.toBytes();
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
