package dev.quire.lists.api;

import java.util.List;
import java.util.Set;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import dev.quire.lists.admin.ListAdministration;
import dev.quire.lists.api.SiteViews.DomainDetailView;
import dev.quire.lists.security.Caller;
import dev.quire.lists.site.SiteDomains;

/**
 * {@code /api/domains}: the served domains, for site admins: list, create ({@code {name, kind}}), change the
 * kind, delete (refused with 409 while the domain holds lists or mailboxes).
 */
@Path("/domains")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DomainsResource {
    @Inject
    Caller caller;

    @Inject
    ListAdministration admin;

    @Inject
    SiteDomains domains;

    @GET
    @Operation(summary = "The domains Quire serves, with their kind and number of lists (site admins only)")
    @APIResponse(responseCode = "403", description = "the caller is not a site admin")
    public List<DomainView> domains() {
        return admin.domains(caller.require()).stream().map(DomainView::of).toList();
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "One domain with its numbers of lists, mailboxes and database-held aliases")
    @APIResponse(responseCode = "403", description = "the caller is not a site admin")
    @APIResponse(responseCode = "404", description = "no such domain")
    public DomainDetailView domain(@Parameter(description = "the domain name") @PathParam("name") String name) {
        return domains.all(caller.require()).stream().filter(d -> d.name().equalsIgnoreCase(name.strip()))
                .findFirst().map(DomainDetailView::of)
                .orElseThrow(() -> dev.quire.lists.site.SiteRefusal.notFound("There is no domain " + name + "."));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Creates a domain: {name, kind} where kind is LIST (mailing lists) or LOCAL (mailboxes)")
    @APIResponse(responseCode = "201", description = "created; the body is the domain")
    @APIResponse(responseCode = "400", description = "a bad name or kind; nothing was created")
    @APIResponse(responseCode = "409", description = "the domain exists already")
    public Response create(String body) {
        JsonBody b = JsonBody.parse(body, Set.of("name", "kind"));
        String name = b.text("name");
        String kind = b.text("kind");
        b.check();
        DomainDetailView created = DomainDetailView.of(domains.create(caller.require(), name, kind));
        return Response.status(201).entity(created).build();
    }

    @PATCH
    @Path("/{name}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Changes a domain's kind: {kind}")
    @APIResponse(responseCode = "400", description = "a bad kind; nothing was changed")
    @APIResponse(responseCode = "404", description = "no such domain")
    public DomainDetailView change(@PathParam("name") String name, String body) {
        JsonBody b = JsonBody.parse(body, Set.of("kind"));
        String kind = b.text("kind");
        b.check();
        return DomainDetailView.of(domains.change(caller.require(), name, kind));
    }

    @DELETE
    @Path("/{name}")
    @Operation(summary = "Deletes a domain and the aliases the database holds for it")
    @APIResponse(responseCode = "204", description = "deleted")
    @APIResponse(responseCode = "404", description = "no such domain")
    @APIResponse(responseCode = "409", description = "the domain still holds lists or mailboxes; nothing was deleted")
    public Response delete(@PathParam("name") String name) {
        domains.delete(caller.require(), name);
        return Response.noContent().build();
    }
}
