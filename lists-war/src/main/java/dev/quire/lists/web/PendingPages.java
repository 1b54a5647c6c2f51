package dev.quire.lists.web;

import java.io.IOException;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.quire.lists.admin.HeldAdministration;
import dev.quire.lists.admin.PendingAdministration;
import dev.quire.lists.admin.Refused;
import dev.quire.lists.moderation.Outcome;
import dev.quire.lists.security.Account;

/** {@code /admin/lists/{list}/pending}: open subscription requests; moderators approve or reject those waiting for them. */
@Path("/lists/{list}/pending")
@RequestScoped
public class PendingPages {
    @Inject
    OwnerPageSupport support;

    @Inject
    PendingAdministration pending;

    @GET
    public Response pendingPage(@PathParam("list") String list) {
        Account account = support.account();
        return support.page("pending", account, list).with("requests", pending.open(account, list)).ok();
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decidePending(@PathParam("list") String list, @PathParam("id") long id,
            @FormParam("action") String action, @FormParam("reason") String reason) throws IOException {
        if (!"approve".equals(action) && !"reject".equals(action)) {
            throw Refused.invalid("action", "Choose approve or reject.");
        }
        String result = pending.decide(support.account(), list, id, action.equals("approve"), reason);
        return support.back(list, "pending", "Request #" + id + ": " + result);
    }
}
