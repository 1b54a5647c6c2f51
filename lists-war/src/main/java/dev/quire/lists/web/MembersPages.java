package dev.quire.lists.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
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
import jakarta.ws.rs.core.StreamingOutput;

import dev.quire.db.list.RosterImport;
import dev.quire.lists.admin.MemberAdministration;
import dev.quire.lists.admin.MemberAdministration.BulkResult;
import dev.quire.lists.admin.MemberAdministration.RosterPage;
import dev.quire.lists.admin.NewMember;
import dev.quire.lists.admin.Refused;
import dev.quire.lists.admin.RosterCsv;
import dev.quire.lists.admin.RosterImports;
import dev.quire.lists.security.Account;
import dev.quire.mail.EmailAddress;

/**
 * A list's members for its owners: {@code /admin/lists/{list}/members} pages and searches the roster in SQL,
 * adds and removes members, shows one member and the members whose mail bounces, exports CSV; {@code .../import}
 * reads a CSV file, previews what it will change, and applies it in a background job whose progress page
 * refreshes itself (no script).
 */
@Path("/lists/{list}")
@RequestScoped
public class MembersPages {
    @Inject
    OwnerPageSupport support;

    @Inject
    MemberAdministration members;

    @Inject
    RosterImports imports;

    @GET
    @Path("members")
    public Response roster(@PathParam("list") String list, @QueryParam("q") String q,
            @QueryParam("page") @DefaultValue("1") int page) {
        Account account = support.account();
        RosterPage p = members.page(account, list, q, Math.max(1, page), 50);
        return support.page("members", account, list).with("roster", p).with("q", q == null ? "" : q).ok();
    }

    @GET
    @Path("members/export.csv")
    public Response export(@PathParam("list") String list) {
        Account account = support.account();
        members.page(account, list, null, 1, 1);
        StreamingOutput body = out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            members.export(account, list, w);
            w.flush();
        };
        return Response.ok(body, "text/csv;charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"members.csv\"").build();
    }

    @GET
    @Path("members/{address}")
    public Response member(@PathParam("list") String list, @PathParam("address") String address) {
        Account account = support.account();
        return support.page("member", account, list).with("m", members.member(account, list, address)).ok();
    }

    @POST
    @Path("members")
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
    @Path("members/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("list") String list, @FormParam("address") List<String> addresses) {
        Account account = support.account();
        List<EmailAddress> parsed = addresses.stream().map(MemberAdministration::address).toList();
        BulkResult r = members.remove(account, list, parsed);
        return support.back(list, "members", r.removed().size() + " removed"
                + (r.notMembers().isEmpty() ? "." : ", " + r.notMembers().size() + " were not members."));
    }

    @GET
    @Path("bounces")
    public Response bounces(@PathParam("list") String list) {
        Account account = support.account();
        return support.page("bounces", account, list).with("rows", members.bouncing(account, list)).ok();
    }

    @GET
    @Path("import")
    public Response importForm(@PathParam("list") String list) {
        Account account = support.account();
        members.page(account, list, null, 1, 1);
        return support.page("import", account, list).with("step", "upload").ok();
    }

    /** The upload: multipart, so its CSRF token rides in the query string (the filter reads it there). */
    @POST
    @Path("import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@PathParam("list") String list, List<EntityPart> parts) throws IOException {
        Account account = support.account();
        String text = null;
        String mode = "add";
        boolean header = false;
        boolean invite = false;
        boolean welcome = false;
        int addressColumn = 1;
        int nameColumn = 2;
        for (EntityPart part : parts) {
            switch (part.getName()) {
                case "file" :
                    String fromFile = read(part);
                    text = fromFile.isBlank() && text != null ? text : fromFile;
                    break;
                case "text" :
                    String pasted = read(part);
                    text = pasted.isBlank() && text != null ? text : pasted;
                    break;
                case "mode" :
                    mode = read(part).strip();
                    break;
                case "layout" :
                    header = read(part).strip().equals("header");
                    break;
                case "addressColumn" :
                    addressColumn = number(read(part), "addressColumn");
                    break;
                case "nameColumn" :
                    nameColumn = number(read(part), "nameColumn");
                    break;
                case "invite" :
                    invite = true;
                    break;
                case "welcome" :
                    welcome = true;
                    break;
                default :
            }
        }
        RosterImport i = imports.preview(account, list, text, RosterCsv.Layout.of(header, addressColumn, nameColumn),
                "replace".equals(mode) ? RosterImport.Mode.REPLACE : RosterImport.Mode.ADD, invite, welcome);
        return support.back(list, "import/" + i.id(), null);
    }

    @GET
    @Path("import/{id}")
    public Response importStatus(@PathParam("list") String list, @PathParam("id") long id) {
        Account account = support.account();
        RosterImport i = imports.get(account, list, id);
        List<String> adds = i.toAdd().lines().limit(100).map(l -> l.replace('\t', ' ').strip()).toList();
        List<String> removes = i.toRemove().lines().limit(100).toList();
        int total = Math.max(1, i.addCount() + i.removeCount());
        return support.page("import", account, list).with("step", i.status().name().toLowerCase())
                .with("imp", i).with("adds", adds).with("removes", removes)
                .with("invalid", RosterImports.invalidLines(i)).with("percent", 100 * i.doneCount() / total)
                .with("total", total).ok();
    }

    @POST
    @Path("import/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@PathParam("list") String list, @PathParam("id") long id) {
        imports.confirm(support.account(), list, id);
        return support.back(list, "import/" + id, null);
    }

    private static String read(EntityPart part) throws IOException {
        try (InputStream in = part.getContent()) {
            byte[] bytes = in.readNBytes(RosterImports.MAX_CHARS + 1);
            if (bytes.length > RosterImports.MAX_CHARS) {
                throw Refused.invalid("file", "The file is larger than " + RosterImports.MAX_CHARS / 1_000_000
                        + " MB.");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static int number(String text, String field) {
        try {
            return text.isBlank() ? 0 : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw Refused.invalid(field, field + " must be a column number.");
        }
    }
}
