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

/** {@code /admin/lists/{list}/bans}: a list's banned addresses and patterns, for its owners. */
@Path("/lists/{list}/bans")
@RequestScoped
public class BansPages {
    @Inject
    OwnerPageSupport support;

    @Inject
    BanAdministration bans;

    @GET
    public Response bansPage(@PathParam("list") String list) {
        Account account = support.account();
        return support.page("bans", account, list).with("bans", bans.bans(account, list)).ok();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response ban(@PathParam("list") String list, @FormParam("pattern") String pattern) {
        String p = bans.add(support.account(), list, pattern).pattern();
        return support.back(list, "bans", p + " is banned.");
    }

    @POST
    @Path("{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unban(@PathParam("list") String list, @PathParam("id") long id) {
        bans.remove(support.account(), list, id);
        return support.back(list, "bans", "The ban is lifted.");
    }
}
