package dev.quire.lists.api;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import dev.quire.lists.admin.ListAdministration;
import dev.quire.lists.security.Caller;

/**
 * {@code /api/lists}: the lists the caller may manage, and one list's settings by its posting address
 * ({@code /api/lists/demo@lists.example.test}). A list the caller has no role on answers 404, as if it
 * did not exist; settings need the owner role (a moderator gets 403).
 */
@Path("/lists")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ListsResource {
    @Inject
    Caller caller;

    @Inject
    ListAdministration admin;

    @GET
    @Operation(summary = "The lists the caller may manage, with the caller's role on each")
    public List<ListSummaryView> lists() {
        return admin.lists(caller.require()).stream().map(ListSummaryView::of).toList();
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
    @Operation(summary = "Changes some of a list's settings (owners and site admins); returns all of them")
    @APIResponse(responseCode = "400", description = "an unknown setting or a bad value; nothing was changed")
    @APIResponse(responseCode = "403", description = "the caller only moderates the list")
    @APIResponse(responseCode = "404", description = "no such list, or the caller has no role on it")
    public ListSettingsView update(@PathParam("list") String list, String body) {
        ListSettingsRequest request = ListSettingsRequest.parse(body);
        return ListSettingsView.of(admin.update(caller.require(), list, request.toChange()).list());
    }
}
