package dev.quire.lists.api;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

import dev.quire.lists.admin.ListAdministration;
import dev.quire.lists.api.SiteViews.ListDeletedView;
import dev.quire.lists.api.SiteViews.SiteListView;
import dev.quire.lists.security.Caller;
import dev.quire.lists.site.ListCreation;
import dev.quire.lists.site.SiteLists;

/**
 * {@code /api/lists}: the lists the caller may manage, and one list's settings by its posting address
 * ({@code /api/lists/demo@lists.example.test}). A list the caller has no role on answers 404, as if it
 * did not exist; settings need the owner role (a moderator gets 403). Site admins also create lists from a
 * style ({@code POST}), delete them with everything they hold ({@code DELETE}), and list every list with its
 * counts ({@code GET /api/lists?counts=true}).
 */
@Path("/lists")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ListsResource {
    @Inject
    Caller caller;

    @Inject
    ListAdministration admin;

    @Inject
    SiteLists siteLists;

    @GET
    @Operation(summary = "The lists the caller may manage, with the caller's role on each; with counts=true"
            + " (site admins only) every list with its style, member count and archived messages")
    @APIResponse(responseCode = "403", description = "counts=true and the caller is not a site admin")
    public Response lists(
            @Parameter(description = "true for every list with its counts (site admins)") @QueryParam("counts") boolean counts) {
        if (counts) {
            List<SiteListView> all = siteLists.all(caller.require()).stream().map(SiteListView::of).toList();
            return Response.ok(all).build();
        }
        List<ListSummaryView> mine = admin.lists(caller.require()).stream().map(ListSummaryView::of).toList();
        return Response.ok(mine).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Creates a list from a style (site admins): {address, style (discussion, announce,"
            + " private), displayName, description, owners: [addresses]}")
    @APIResponse(responseCode = "201", description = "created; the body is the list's settings")
    @APIResponse(responseCode = "400", description = "a bad field; nothing was created")
    @APIResponse(responseCode = "403", description = "the caller is not a site admin")
    @APIResponse(responseCode = "409", description = "the list (or an alias of that address) exists already")
    public Response create(String body) {
        JsonBody b = JsonBody.parse(body, java.util.Set.of("address", "style", "displayName", "description",
                "owners"));
        ListCreation request = new ListCreation(b.text("address"), b.text("style"), b.text("displayName"),
                b.text("description"), b.texts("owners"));
        b.check();
        var created = siteLists.create(caller.require(), request);
        return Response.status(201).entity(ListSettingsView.of(created.list())).build();
    }

    @DELETE
    @Path("/{list}")
    @Operation(summary = "Deletes a list with its members, held posts and archive (site admins); nothing is kept")
    @APIResponse(responseCode = "403", description = "the caller is not a site admin")
    @APIResponse(responseCode = "404", description = "no such list")
    public ListDeletedView delete(@PathParam("list") String list) {
        return ListDeletedView.of(siteLists.delete(caller.require(), list));
    }

    @GET
    @Path("/{list}")
    @Operation(summary = "A list's settings (owners and site admins)")
    @APIResponse(responseCode = "403", description = "the caller only moderates the list")
    @APIResponse(responseCode = "404", description = "no such list, or the caller has no role on it")
    public ListSettingsView settings(@Parameter(description = "the posting address") @PathParam("list") String list) {
        return ListSettingsView.of(admin.settings(caller.require(), list).list());
    }

    @PATCH
    @Path("/{list}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Changes some of a list's settings by the names in the settings object of GET"
            + " (owners and site admins); returns all of them")
    @APIResponse(responseCode = "400", description = "an unknown setting or a bad value; nothing was changed")
    @APIResponse(responseCode = "403", description = "the caller only moderates the list")
    @APIResponse(responseCode = "404", description = "no such list, or the caller has no role on it")
    public ListSettingsView update(@PathParam("list") String list, String body) {
        ListSettingsRequest request = ListSettingsRequest.parse(body);
        return ListSettingsView.of(admin.update(caller.require(), list, request.toChange()).managed().list());
    }
}
