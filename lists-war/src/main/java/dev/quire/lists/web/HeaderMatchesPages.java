package dev.quire.lists.web;

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

import dev.quire.lists.admin.BanAdministration;
import dev.quire.lists.admin.HeaderMatchAdministration;
import dev.quire.lists.security.Account;

/** {@code /admin/lists/{list}/header-matches}: a list's header matches in the order they apply, for its owners. */
@Path("/lists/{list}/header-matches")
@RequestScoped
public class HeaderMatchesPages {
    @Inject
    OwnerPageSupport support;

    @Inject
    HeaderMatchAdministration matches;

    @GET
    public Response matchesPage(@PathParam("list") String list) {
        Account account = support.account();
        return support.page("header-matches", account, list).with("rows", matches.rows(account, list)).ok();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addMatch(@PathParam("list") String list, @FormParam("header") String header,
            @FormParam("pattern") String pattern, @FormParam("action") String action) {
        matches.add(support.account(), list, header, pattern, action);
        return support.back(list, "header-matches", "The header match is added at the end.");
    }

    @POST
    @Path("{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeMatch(@PathParam("list") String list, @PathParam("id") long id) {
        matches.remove(support.account(), list, id);
        return support.back(list, "header-matches", "The header match is removed.");
    }

    @POST
    @Path("{id}/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response move(@PathParam("list") String list, @PathParam("id") long id,
            @FormParam("direction") String direction) {
        matches.move(support.account(), list, id, "up".equals(direction));
        return support.back(list, "header-matches", null);
    }
}
