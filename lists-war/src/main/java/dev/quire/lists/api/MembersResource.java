package dev.quire.lists.api;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import dev.quire.db.list.Member;
import dev.quire.db.list.RosterImport;
import dev.quire.lists.admin.MemberAdministration;
import dev.quire.lists.admin.RosterDownload;
import dev.quire.lists.admin.MemberChange;
import dev.quire.lists.admin.MemberAdministration.BulkResult;
import dev.quire.lists.admin.MemberAdministration.RosterPage;
import dev.quire.lists.admin.NewMember;
import dev.quire.lists.admin.RosterCsv;
import dev.quire.lists.admin.RosterImports;
import dev.quire.lists.security.Account;
import dev.quire.lists.security.Caller;
import dev.quire.mail.EmailAddress;

/**
 * {@code /api/lists/{list}/members}: a list's members for its owners: pages with a search, one member,
 * adding and removing one or many, the roster as CSV, and CSV imports with a preview. A moderator gets 403,
 * anyone without a role on the list 404.
 */
@Path("/lists/{list}/members")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MembersResource {
    @Inject
    Caller caller;

    @Inject
    MemberAdministration members;

    @Inject
    RosterDownload download;

    @Inject
    RosterImports imports;

    /** One member with options and bounce state. */
    public record MemberView(String address, String name, boolean deliveryEnabled, String disabledReason,
            Instant disabledAt, String deliveryMode, String moderationAction, boolean acknowledgePosts,
            boolean receiveOwnPostings, boolean hideAddress, Instant subscribedAt, double bounceScore,
            Instant lastBounceAt, int bounceWarningsSent) {
        static MemberView of(Member m) {
            return new MemberView(m.address().toString(), m.displayName(), m.deliveryEnabled(),
                    OwnerToolsMappers.lower(m.disabledReason()), m.disabledAt(),
                    OwnerToolsMappers.lower(m.deliveryMode()),
                    OwnerToolsMappers.lower(m.moderationAction()), m.acknowledgePosts(), m.receiveOwnPostings(),
                    m.hideAddress(), m.subscribedAt(), m.bounceScore(), m.lastBounceAt(), m.bounceWarningsSent());
        }
    }

    /** A page of members; {@code page} counts from 1. */
    public record MemberPageView(long total, int page, int size, long pages, String q, List<MemberView> members) {
        static MemberPageView of(RosterPage p) {
            return new MemberPageView(p.total(), p.page(), p.size(), p.pages(), p.search(),
                    p.members().stream().map(MemberView::of).toList());
        }
    }

    /** An import's preview or progress. */
    public record ImportView(long id, String status, String mode, boolean invite, boolean welcome, int toAdd,
            int toRemove, int alreadyMembers, int invalidLines, int done, boolean stalled, String result,
            List<RosterCsv.InvalidLine> invalid) {
        static ImportView of(RosterImport i) {
            return new ImportView(i.id(), OwnerToolsMappers.lower(i.status()), OwnerToolsMappers.lower(i.mode()),
                    i.invite(), i.welcome(), i.addCount(), i.removeCount(), i.alreadyCount(), i.invalidCount(),
                    i.doneCount(), RosterImports.stalled(i), i.result(), RosterImports.invalidLines(i));
        }
    }

    @GET
    @Operation(summary = "A page of the list's members by address, optionally only those whose address or name"
            + " contains q (owners)")
    @APIResponse(responseCode = "400", description = "page below 1, or size not from 1 to 500")
    @APIResponse(responseCode = "403", description = "the caller only moderates the list")
    @APIResponse(responseCode = "404", description = "no such list, or the caller has no role on it")
    public MemberPageView page(@PathParam("list") String list, @QueryParam("page") @DefaultValue("1") int page,
            @QueryParam("size") @DefaultValue("50") int size,
            @Parameter(description = "a part of the address or name") @QueryParam("q") String q) {
        return MemberPageView.of(members.page(caller.require(), list, q, page, size));
    }

    @GET
    @Path("/{address}")
    @Operation(summary = "One member: options, delivery, bounce score (owners)")
    @APIResponse(responseCode = "404", description = "not a member, no such list, or no role on it")
    public MemberView member(@PathParam("list") String list, @PathParam("address") String address) {
        return MemberView.of(members.member(caller.require(), list, address));
    }

    @PATCH
    @Path("/{address}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Changes a member's options (owners): deliveryEnabled (true re-enables delivery and clears"
            + " the bounce score), deliveryMode, moderationAction (default clears it), acknowledgePosts,"
            + " receiveOwnPostings, hideAddress")
    @APIResponse(responseCode = "400", description = "an unknown option or a bad value; nothing was changed")
    @APIResponse(responseCode = "404", description = "not a member, no such list, or no role on it")
    public MemberView change(@PathParam("list") String list, @PathParam("address") String address, String body) {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        jakarta.json.JsonObject json;
        try (jakarta.json.JsonReader r = jakarta.json.Json.createReader(new java.io.StringReader(body == null
                ? ""
                : body))) {
            json = r.readObject();
        } catch (jakarta.json.JsonException | IllegalStateException e) {
            throw new InvalidRequest("The body must be a JSON object of options.", java.util.Map.of());
        }
        json.forEach(
                (name, v) -> fields.put(name, v instanceof JsonString ? ((JsonString) v).getString() : v.toString()));
        return MemberView.of(members.change(caller.require(), list, address, MemberChange.parse(fields)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribes one address ({address, name}) or many ({members: [{address, name}]});"
            + " welcome: send the welcome; invite: ask each address to confirm instead (owners)")
    @APIResponse(responseCode = "400", description = "an invalid address; nothing was changed")
    public BulkResult add(@PathParam("list") String list, String body) throws IOException {
        Account account = caller.require();
        JsonBody json = JsonBody.parse(body);
        List<NewMember> toAdd = new ArrayList<>();
        if (json.has("address")) {
            toAdd.add(new NewMember(MemberAdministration.address(json.text("address")),
                    NewMember.cleanName(json.text("name"))));
        }
        for (JsonValue v : json.array("members")) {
            JsonBody m = v instanceof JsonString ? null : JsonBody.of(v, "members");
            String address = m == null ? ((JsonString) v).getString() : m.text("address");
            toAdd.add(new NewMember(MemberAdministration.address(address),
                    m == null ? null : NewMember.cleanName(m.text("name"))));
        }
        return members.add(account, list, toAdd, json.bool("welcome"), json.bool("invite"));
    }

    @DELETE
    @Path("/{address}")
    @Operation(summary = "Unsubscribes one member (owners)")
    @APIResponse(responseCode = "204", description = "removed")
    @APIResponse(responseCode = "404", description = "not a member, no such list, or no role on it")
    public Response remove(@PathParam("list") String list, @PathParam("address") String address) {
        BulkResult r = members.remove(caller.require(), list, List.of(MemberAdministration.address(address)));
        if (r.removed().isEmpty()) {
            throw dev.quire.lists.admin.Refused.notFound(address + " is not a member of " + list + ".");
        }
        return Response.noContent().build();
    }

    @DELETE
    @Operation(summary = "Unsubscribes many members: ?address=a&address=b (owners)")
    public BulkResult removeMany(@PathParam("list") String list, @QueryParam("address") List<String> addresses) {
        Account account = caller.require();
        List<EmailAddress> parsed = addresses.stream().map(MemberAdministration::address).toList();
        return members.remove(account, list, parsed);
    }

    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    @Operation(summary = "The roster as CSV: address, name, delivery, mode, subscribed, bounce_score (owners)")
    public Response export(@PathParam("list") String list) {
        return download.csv(caller.require(), list);
    }

    @POST
    @Path("/imports")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Reads a CSV file (or Name <address> lines) and answers what importing it would change;"
            + " nothing changes until the import is confirmed (owners)")
    public Response preview(@PathParam("list") String list, @QueryParam("mode") @DefaultValue("add") String mode,
            @QueryParam("header") @DefaultValue("false") boolean header,
            @QueryParam("addressColumn") @DefaultValue("1") int addressColumn,
            @QueryParam("nameColumn") @DefaultValue("2") int nameColumn,
            @QueryParam("invite") @DefaultValue("false") boolean invite,
            @QueryParam("welcome") @DefaultValue("false") boolean welcome, String body) {
        RosterImport i = imports.preview(caller.require(), list, body,
                RosterCsv.Layout.of(header, addressColumn, nameColumn),
                mode(mode), invite, welcome);
        return Response.status(201).entity(ImportView.of(i)).build();
    }

    @GET
    @Path("/imports/{id}")
    @Operation(summary = "An import's preview, or its progress once confirmed (owners)")
    public ImportView progress(@PathParam("list") String list, @PathParam("id") long id) {
        return ImportView.of(imports.get(caller.require(), list, id));
    }

    @POST
    @Path("/imports/{id}")
    @Operation(summary = "Confirms an import: a background job applies it; poll GET for the progress (owners). A"
            + " running import that is stalled (no progress for two minutes: its server stopped) is taken up again")
    public Response confirm(@PathParam("list") String list, @PathParam("id") long id) {
        return Response.accepted(ImportView.of(imports.confirm(caller.require(), list, id))).build();
    }

    static RosterImport.Mode mode(String mode) {
        if ("replace".equalsIgnoreCase(mode)) {
            return RosterImport.Mode.REPLACE;
        }
        if ("add".equalsIgnoreCase(mode)) {
            return RosterImport.Mode.ADD;
        }
        throw dev.quire.lists.admin.Refused.invalid("mode", "mode must be add or replace");
    }
}
