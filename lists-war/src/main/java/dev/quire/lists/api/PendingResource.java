package dev.quire.lists.api;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import dev.quire.lists.admin.PendingAdministration;
import dev.quire.lists.admin.PendingAdministration.PendingView;
import dev.quire.lists.admin.Refused;
import dev.quire.lists.security.Caller;

/** {@code /api/lists/{list}/pending}: open subscription requests; moderators approve or reject those waiting for them. */
@Path("/lists/{list}/pending")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PendingResource {
    @Inject
    Caller caller;

    @Inject
    PendingAdministration pending;

    @GET
    @Operation(summary = "Open (un)subscription requests; awaitsModerator tells which a moderator decides")
    @APIResponse(responseCode = "404", description = "no such list, or the caller has no role on it")
    public List<PendingView> open(@PathParam("list") String list) {
        return pending.open(caller.require(), list);
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approves or rejects one request: {action: approve|reject, reason}")
    @APIResponse(responseCode = "400", description = "an unknown action, or a request that waits for its address")
    @APIResponse(responseCode = "404", description = "no such open request")
    public Map<String, String> decide(@PathParam("list") String list, @PathParam("id") long id, String body)
            throws IOException {
        JsonBody json = JsonBody.parse(body);
        String action = json.text("action");
        if (!"approve".equals(action) && !"reject".equals(action)) {
            throw Refused.invalid("action", "action must be approve or reject");
        }
        return Map.of("result", pending.decide(caller.require(), list, id, action.equals("approve"),
                json.text("reason")));
    }
}
