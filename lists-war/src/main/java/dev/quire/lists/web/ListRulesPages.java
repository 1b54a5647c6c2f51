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

/**
 * A list's posting rules for its owners: {@code /admin/lists/{list}/bans} (banned addresses and patterns)
 * and {@code .../header-matches} (header, regular expression, action; ordered).
 */
@Path("/lists/{list}")
@RequestScoped
public class ListRulesPages {
    @Inject
    OwnerPageSupport support;

    @Inject
    BanAdministration bans;

    @Inject
    HeaderMatchAdministration matches;

    @GET
    @Path("bans")
    public Response bansPage(@PathParam("list") String list) {
        Account account = support.account();
        return support.page("bans", account, list).with("bans", bans.bans(account, list)).ok();
    }

    @POST
    @Path("bans")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response ban(@PathParam("list") String list, @FormParam("pattern") String pattern) {
        String p = bans.add(support.account(), list, pattern).pattern();
        return support.back(list, "bans", p + " is banned.");
    }

    @POST
    @Path("bans/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unban(@PathParam("list") String list, @PathParam("id") long id) {
        bans.remove(support.account(), list, id);
        return support.back(list, "bans", "The ban is lifted.");
    }

    @GET
    @Path("header-matches")
    public Response matchesPage(@PathParam("list") String list) {
        Account account = support.account();
        return support.page("header-matches", account, list).with("rows", matches.rows(account, list)).ok();
    }

    @POST
    @Path("header-matches")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addMatch(@PathParam("list") String list, @FormParam("header") String header,
            @FormParam("pattern") String pattern, @FormParam("action") String action) {
        matches.add(support.account(), list, header, pattern, action);
        return support.back(list, "header-matches", "The header match is added at the end.");
    }

    @POST
    @Path("header-matches/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeMatch(@PathParam("list") String list, @PathParam("id") long id) {
        matches.remove(support.account(), list, id);
        return support.back(list, "header-matches", "The header match is removed.");
    }

    @POST
    @Path("header-matches/{id}/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response move(@PathParam("list") String list, @PathParam("id") long id,
            @FormParam("direction") String direction) {
        matches.move(support.account(), list, id, "up".equals(direction));
        return support.back(list, "header-matches", null);
    }
}
