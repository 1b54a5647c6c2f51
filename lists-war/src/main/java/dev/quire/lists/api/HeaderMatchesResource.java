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

import dev.quire.db.list.HeaderMatch;
import dev.quire.lists.admin.HeaderMatchAdministration;
import dev.quire.lists.admin.Refused;
import dev.quire.lists.security.Caller;

/** {@code /api/lists/{list}/header-matches}: the list's header matches in the order they apply, for its owners. */
@Path("/lists/{list}/header-matches")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class HeaderMatchesResource {
    @Inject
    Caller caller;

    @Inject
    HeaderMatchAdministration matches;

    public record HeaderMatchView(long id, int position, String header, String pattern, String action) {
        static HeaderMatchView of(HeaderMatch m) {
            return new HeaderMatchView(m.id(), m.position(), m.header(), m.pattern(),
                    OwnerToolsMappers.lower(m.action()));
        }
    }

    @GET
    @Operation(summary = "The list's header matches by position (owners)")
    @APIResponse(responseCode = "404", description = "no such list, or the caller has no role on it")
    public List<HeaderMatchView> rows(@PathParam("list") String list) {
        return matches.rows(caller.require(), list).stream().map(HeaderMatchView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Adds a row at the end: {header, pattern, action: accept|hold|reject|discard|defer}")
    @APIResponse(responseCode = "400", description = "a bad header name, regular expression or action")
    public Response add(@PathParam("list") String list, String body) {
        JsonBody json = JsonBody.parse(body);
        HeaderMatch m = matches.add(caller.require(), list, json.text("header"), json.text("pattern"),
                json.text("action"));
        return Response.status(201).entity(HeaderMatchView.of(m)).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Removes a row; the rows after it move up")
    public Response remove(@PathParam("list") String list, @PathParam("id") long id) {
        matches.remove(caller.require(), list, id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/move")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Moves a row one place: {direction: up|down}; returns every row")
    public List<HeaderMatchView> move(@PathParam("list") String list, @PathParam("id") long id, String body) {
        String direction = JsonBody.parse(body).text("direction");
        if (!"up".equals(direction) && !"down".equals(direction)) {
            throw Refused.invalid("direction", "direction must be up or down");
        }
        matches.move(caller.require(), list, id, direction.equals("up"));
        return rows(list);
    }
}
