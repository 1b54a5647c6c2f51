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

/**
 * {@code /admin/lists/{list}/held}: the posts held on a list, for its moderators and owners: the queue, one post
 * read as escaped text, and decisions (accept, reject with a reason, discard, defer, accept and unmoderate) on
 * one post or many.
 */
@Path("/lists/{list}/held")
@RequestScoped
public class HeldPages {
    @Inject
    OwnerPageSupport support;

    @Inject
    HeldAdministration held;

    @GET
    public Response queue(@PathParam("list") String list) {
        Account account = support.account();
        return support.page("held", account, list).with("posts", held.queue(account, list)).ok();
    }

    @GET
    @Path("{id}")
    public Response post(@PathParam("list") String list, @PathParam("id") long id) {
        Account account = support.account();
        return support.page("held-message", account, list).with("post", held.post(account, list, id)).ok();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decideMany(@PathParam("list") String list, @FormParam("id") List<Long> ids,
            @FormParam("action") String action, @FormParam("reason") String reason) throws IOException {
        List<Outcome> outcomes = held.decide(support.account(), list, ids, action(action), reason);
        return support.back(list, "held", summary(outcomes));
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("list") String list, @PathParam("id") long id,
            @FormParam("action") String action, @FormParam("reason") String reason) throws IOException {
        List<Outcome> outcomes = held.decide(support.account(), list, List.of(id), action(action), reason);
        return support.back(list, "held", summary(outcomes));
    }

    private static HeldAdministration.Action action(String text) {
        return HeldAdministration.Action.parse(text == null ? "" : text);
    }

    private static String summary(List<Outcome> outcomes) {
        StringBuilder b = new StringBuilder();
        for (Outcome o : outcomes) {
            b.append(b.length() == 0 ? "" : " ").append('#').append(o.heldId()).append(": ").append(o.detail())
                    .append('.');
        }
        return b.toString();
    }
}
