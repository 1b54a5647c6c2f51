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

import dev.quire.lists.api.SiteViews.NetworkView;
import dev.quire.lists.security.Caller;
import dev.quire.lists.site.RoutingTables;

/**
 * {@code /api/relay-networks}: the client networks (CIDR) the database lets relay through the MX listener,
 * for site admins; named by their id, since a network contains a slash.
 */
@Path("/relay-networks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RelayNetworksResource {
    @Inject
    Caller caller;

    @Inject
    RoutingTables tables;

    @GET
    @Operation(summary = "The relay networks held in the database")
    @APIResponse(responseCode = "403", description = "the caller is not a site admin")
    public List<NetworkView> networks() {
        return tables.networks(caller.require()).stream().map(NetworkView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Adds a network: {network}, such as 192.0.2.0/24 or 2001:db8::/32")
    @APIResponse(responseCode = "201", description = "added")
    @APIResponse(responseCode = "400", description = "not an IP network; nothing was added")
    @APIResponse(responseCode = "409", description = "listed already")
    public Response add(String body) {
        JsonBody b = JsonBody.parse(body, Set.of("network"));
        String network = b.text("network");
        b.check();
        return Response.status(201).entity(NetworkView.of(tables.addNetwork(caller.require(), network))).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replaces a network: {network}")
    @APIResponse(responseCode = "400", description = "not an IP network; nothing was changed")
    @APIResponse(responseCode = "404", description = "no such network")
    public NetworkView change(@PathParam("id") long id, String body) {
        JsonBody b = JsonBody.parse(body, Set.of("network"));
        String network = b.text("network");
        b.check();
        return NetworkView.of(tables.changeNetwork(caller.require(), id, network));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Deletes a network")
    @APIResponse(responseCode = "204", description = "deleted")
    @APIResponse(responseCode = "404", description = "no such network")
    public Response delete(@PathParam("id") long id) {
        tables.deleteNetwork(caller.require(), id);
        return Response.noContent().build();
    }
}
