package dev.quire.lists.api;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import dev.quire.lists.admin.BanAdministration;
import dev.quire.lists.api.BansResource.BanView;
import dev.quire.lists.security.Caller;

/** {@code /api/bans}: addresses banned from every list, for site admins (everyone else 403). */
@Path("/bans")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SiteBansResource {
    @Inject
    Caller caller;

    @Inject
    BanAdministration bans;

    @GET
    @Operation(summary = "The site-wide bans (site admins)")
    @APIResponse(responseCode = "403", description = "the caller is not a site admin")
    public List<BanView> siteBans() {
        return bans.bans(caller.require(), null).stream().map(BanView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Bans an address or pattern on every list: {pattern} (site admins)")
    public Response addSiteBan(String body) {
        return Response.status(201)
                .entity(BanView.of(bans.add(caller.require(), null, JsonBody.parse(body).text("pattern")))).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Lifts a site-wide ban (site admins)")
    public Response removeSiteBan(@PathParam("id") long id) {
        bans.remove(caller.require(), null, id);
        return Response.noContent().build();
    }
}
