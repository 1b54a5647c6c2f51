package dev.quire.lists.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.quire.lists.site.RoutingTables;
import dev.quire.lists.site.SiteRefusal;

/**
 * {@code /admin/site/aliases} and {@code /admin/site/networks}: the routing tables held in the database. Each
 * page says how long the MTA takes to see a change ({@code quire.routing.cache.ttl}).
 */
@Path("/site")
@RequestScoped
public class SiteRoutingPages {
    @Inject
    SiteForms forms;

    @Inject
    RoutingTables tables;

    @Inject
    @ConfigProperty(name = "quire.routing.cache.ttl", defaultValue = "PT10S")
    String ttl;

    /** The cache's time to live in words ("10 seconds"). */
    String ttlWords() {
        try {
            long s = java.time.Duration.parse(ttl).toSeconds();
            return s == 1 ? "1 second" : s + " seconds";
        } catch (java.time.format.DateTimeParseException e) {
            return ttl;
        }
    }

    @GET
    @Path("aliases")
    public Response aliasesPage() {
        return aliasesView().ok();
    }

    private Pages.Page aliasesView() {
        return forms.page("site-aliases", "Aliases").with("aliases", tables.aliases(forms.account()))
                .with("ttl", ttlWords());
    }

    @POST
    @Path("aliases")
    public Response addAlias(@FormParam("address") String address, @FormParam("targets") String targets) {
        try {
            var row = tables.addAlias(forms.account(), address, targets);
            return forms.done("/admin/site/aliases", "The alias " + row.localPart() + "@" + row.domain()
                    + " was added; the MTA accepts it within " + ttlWords() + ".");
        } catch (SiteRefusal e) {
            return forms.refused(aliasesView().with("address", address).with("targets", targets), e);
        }
    }

    @POST
    @Path("aliases/{address}")
    public Response changeAlias(@PathParam("address") String address, @FormParam("action") String action,
            @FormParam("targets") String targets) {
        try {
            if ("delete".equals(action)) {
                tables.deleteAlias(forms.account(), address);
                return forms.done("/admin/site/aliases", "The alias " + address + " was deleted; the MTA stops"
                        + " accepting it within " + ttlWords() + ".");
            }
            tables.changeAlias(forms.account(), address, targets);
            return forms.done("/admin/site/aliases", "The alias " + address + " was changed; the MTA uses the new"
                    + " targets within " + ttlWords() + ".");
        } catch (SiteRefusal e) {
            return forms.refused(aliasesView(), e);
        }
    }

    @GET
    @Path("networks")
    public Response networksPage() {
        return networksView().ok();
    }

    private Pages.Page networksView() {
        return forms.page("site-networks", "Relay networks").with("networks", tables.networks(forms.account()))
                .with("ttl", ttlWords());
    }

    @POST
    @Path("networks")
    public Response addNetwork(@FormParam("network") String network) {
        try {
            var row = tables.addNetwork(forms.account(), network);
            return forms.done("/admin/site/networks", "The network " + row.network() + " may relay within "
                    + ttlWords() + ".");
        } catch (SiteRefusal e) {
            return forms.refused(networksView().with("network", network), e);
        }
    }

    @POST
    @Path("networks/{id}")
    public Response changeNetwork(@PathParam("id") long id, @FormParam("action") String action,
            @FormParam("network") String network) {
        try {
            if ("delete".equals(action)) {
                var row = tables.deleteNetwork(forms.account(), id);
                return forms.done("/admin/site/networks", "The network " + row.network() + " was deleted.");
            }
            var row = tables.changeNetwork(forms.account(), id, network);
            return forms.done("/admin/site/networks", "The network is now " + row.network() + ".");
        } catch (SiteRefusal e) {
            return forms.refused(networksView(), e);
        }
    }
}
