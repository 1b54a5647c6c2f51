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
 * {@code /admin/lists/{list}/import}: a CSV file becomes a preview of what it will change; once the owner
 * confirms, a background job applies it and the progress page refreshes itself until it is done (no script).
 */
@Path("/lists/{list}/import")
@RequestScoped
public class ImportPages {
    @Inject
    OwnerPageSupport support;

    @Inject
    MemberAdministration members;

    @Inject
    RosterImports imports;

    @GET
    public Response importForm(@PathParam("list") String list) {
        Account account = support.account();
        members.requireOwner(account, list);
        return support.page("import", account, list).with("step", "upload").ok();
    }

    /** The upload: multipart, so its CSRF token rides in the query string (the filter reads it there). */
    @POST
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
    @Path("{id}")
    public Response importStatus(@PathParam("list") String list, @PathParam("id") long id) {
        Account account = support.account();
        RosterImport i = imports.get(account, list, id);
        List<String> adds = i.toAdd().lines().limit(100).map(l -> l.replace('\t', ' ').strip()).toList();
        List<String> removes = i.toRemove().lines().limit(100).toList();
        int total = Math.max(1, i.addCount() + i.removeCount());
        return support.page("import", account, list).with("step", i.status().name().toLowerCase())
                .with("imp", i).with("adds", adds).with("removes", removes)
                .with("invalid", RosterImports.invalidLines(i)).with("percent", 100 * i.doneCount() / total)
                .with("total", total).with("stalled", RosterImports.stalled(i)).ok();
    }

    @POST
    @Path("{id}")
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
