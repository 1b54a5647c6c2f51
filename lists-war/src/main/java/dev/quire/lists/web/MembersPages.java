package dev.quire.lists.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.quire.db.list.RosterImport;
import dev.quire.lists.admin.MemberAdministration;
import dev.quire.lists.admin.RosterDownload;
import dev.quire.lists.admin.MemberAdministration.BulkResult;
import dev.quire.lists.admin.MemberAdministration.RosterPage;
import dev.quire.lists.admin.MemberChange;
import dev.quire.lists.admin.NewMember;
import dev.quire.lists.admin.Refused;
import dev.quire.lists.admin.RosterCsv;
import dev.quire.lists.admin.RosterImports;
import dev.quire.lists.security.Account;
import dev.quire.mail.EmailAddress;

/**
 * {@code /admin/lists/{list}/members}: a list's roster for its owners, paged and searched in SQL; adding and
 * removing members, one member's details, and the roster as CSV.
 */
@Path("/lists/{list}/members")
@RequestScoped
public class MembersPages {
    @Inject
    OwnerPageSupport support;

    @Inject
    MemberAdministration members;

    @Inject
    RosterDownload download;

    @GET
    public Response roster(@PathParam("list") String list, @QueryParam("q") String q,
            @QueryParam("page") @DefaultValue("1") int page) {
        Account account = support.account();
        RosterPage p = members.page(account, list, q, Math.max(1, page), 50);
        return support.page("members", account, list).with("roster", p).with("q", q == null ? "" : q).ok();
    }

    @GET
    @Path("export.csv")
    public Response export(@PathParam("list") String list) {
        return download.csv(support.account(), list);
    }

    @GET
    @Path("{address}")
    public Response member(@PathParam("list") String list, @PathParam("address") String address) {
        Account account = support.account();
        return support.page("member", account, list).with("m", members.member(account, list, address)).ok();
    }

    /** The member page's form: every option at once (an unticked box is off). */
    @POST
    @Path("{address}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@PathParam("list") String list, @PathParam("address") String address,
            @FormParam("deliveryEnabled") String delivery, @FormParam("deliveryMode") String mode,
            @FormParam("moderationAction") String moderation, @FormParam("acknowledgePosts") String ack,
            @FormParam("receiveOwnPostings") String own, @FormParam("hideAddress") String hide) {
        Account account = support.account();
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("deliveryEnabled", Boolean.toString(delivery != null));
        fields.put("deliveryMode", mode == null ? "" : mode);
        fields.put("moderationAction", moderation == null ? "" : moderation);
        fields.put("acknowledgePosts", Boolean.toString(ack != null));
        fields.put("receiveOwnPostings", Boolean.toString(own != null));
        fields.put("hideAddress", Boolean.toString(hide != null));
        var m = members.change(account, list, address, MemberChange.parse(fields));
        return support.back(list, "members/" + m.address(), "The options of " + m.address() + " are saved;"
                + " delivery is " + (m.deliveryEnabled() ? "on." : "off."));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@PathParam("list") String list, @FormParam("addresses") String addresses,
            @FormParam("welcome") String welcome, @FormParam("invite") String invite) throws IOException {
        Account account = support.account();
        List<NewMember> toAdd = new ArrayList<>();
        RosterCsv.Parsed parsed = RosterCsv.read(addresses == null ? "" : addresses, RosterCsv.Layout.PLAIN);
        if (!parsed.invalid().isEmpty()) {
            RosterCsv.InvalidLine bad = parsed.invalid().get(0);
            throw Refused.invalid("addresses", "Line " + bad.line() + ": " + bad.reason() + ". Nothing was changed.");
        }
        toAdd.addAll(parsed.entries());
        BulkResult r = members.add(account, list, toAdd, welcome != null, invite != null);
        return support.back(list, "members", r.added().size() + " added, " + r.invited().size() + " invited, "
                + r.already().size() + " already members.");
    }

    @POST
    @Path("remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("list") String list, @FormParam("address") List<String> addresses) {
        Account account = support.account();
        List<EmailAddress> parsed = addresses.stream().map(MemberAdministration::address).toList();
        BulkResult r = members.remove(account, list, parsed);
        return support.back(list, "members", r.removed().size() + " removed"
                + (r.notMembers().isEmpty() ? "." : ", " + r.notMembers().size() + " were not members."));
    }
}
