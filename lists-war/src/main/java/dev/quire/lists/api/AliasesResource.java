package dev.quire.lists.api;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import dev.quire.lists.api.SiteViews.AliasView;
import dev.quire.lists.security.Caller;
import dev.quire.lists.site.RoutingTables;

/**
 * {@code /api/aliases}: the aliases held in the database (site admins). The MTA sees a change within
 * {@code quire.routing.cache.ttl}. Targets are addresses or local names separated by commas, or one
 * {@code :fail: text} / {@code :defer: text}; pipes, files and includes stay in the alias files.
 */
@Path("/aliases")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AliasesResource {
    @Inject
    Caller caller;

    @Inject
    RoutingTables tables;

    @GET
    @Operation(summary = "The aliases held in the database, by domain and local part")
    @APIResponse(responseCode = "403", description = "the caller is not a site admin")
    public List<AliasView> aliases() {
        return tables.aliases(caller.require()).stream().map(AliasView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Adds an alias: {address, targets}")
    @APIResponse(responseCode = "201", description = "added")
    @APIResponse(responseCode = "400", description = "a bad address or target, or no such domain; nothing was added")
    @APIResponse(responseCode = "409", description = "the alias, or a list of that address, exists already")
    public Response add(String body) {
        JsonBody b = JsonBody.parse(body, Set.of("address", "targets"));
        String address = b.text("address");
        String targets = b.text("targets");
        b.check();
        return Response.status(201).entity(AliasView.of(tables.addAlias(caller.require(), address, targets))).build();
    }

    @PUT
    @Path("/{address}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replaces an alias's targets: {targets}")
    @APIResponse(responseCode = "400", description = "a bad target; nothing was changed")
    @APIResponse(responseCode = "404", description = "no such alias in the database")
    public AliasView change(@PathParam("address") String address, String body) {
        JsonBody b = JsonBody.parse(body, Set.of("targets"));
        String targets = b.text("targets");
        b.check();
        return AliasView.of(tables.changeAlias(caller.require(), address, targets));
    }

    @DELETE
    @Path("/{address}")
    @Operation(summary = "Deletes an alias")
    @APIResponse(responseCode = "204", description = "deleted")
    @APIResponse(responseCode = "404", description = "no such alias in the database")
    public Response delete(@PathParam("address") String address) {
        tables.deleteAlias(caller.require(), address);
        return Response.noContent().build();
    }
}
