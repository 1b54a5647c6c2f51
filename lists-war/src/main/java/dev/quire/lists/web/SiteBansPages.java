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
import dev.quire.lists.admin.Refused;

/**
 * {@code /admin/site/bans}: addresses and {@code ^patterns} banned from every list, the page of {@code /api/bans},
 * for site admins (anyone else 403) through the same service.
 */
@Path("/site/bans")
@RequestScoped
public class SiteBansPages {
    @Inject
    SiteForms forms;

    @Inject
    BanAdministration bans;

    @GET
    public Response bansPage() {
        return view().ok();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response ban(@FormParam("pattern") String pattern) {
        try {
            String p = bans.add(forms.account(), null, pattern).pattern();
            return forms.done("/admin/site/bans", p + " is banned from every list.");
        } catch (Refused e) {
            return view().with("pattern", pattern).with("error", e.getMessage()).response(e.status());
        }
    }

    @POST
    @Path("{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unban(@PathParam("id") long id) {
        bans.remove(forms.account(), null, id);
        return forms.done("/admin/site/bans", "The ban is lifted.");
    }

    private Pages.Page view() {
        return forms.page("site-bans", "Site-wide bans").with("bans", bans.bans(forms.account(), null));
    }
}
