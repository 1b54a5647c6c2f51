package dev.quire.lists.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import dev.quire.db.site.SiteAdminRepository.ListRow;
import dev.quire.lists.site.ListCreation;
import dev.quire.lists.site.SiteDomains;
import dev.quire.lists.site.SiteLists;
import dev.quire.lists.site.SiteRefusal;

/**
 * {@code /admin/site/domains} and {@code /admin/site/lists}: the served domains (create, change the kind,
 * delete) and every list with its counts (create from a style with its owners; delete after a confirmation
 * page that says the archive goes with it).
 */
@Path("/site")
@RequestScoped
public class SiteListPages {
    @Inject
    SiteForms forms;

    @Inject
    SiteDomains domains;

    @Inject
    SiteLists lists;

    /** A list as the page shows it. */
    public record ListView(String address, String displayName, String style, long members, long archived) {
        static ListView of(ListRow r) {
            return new ListView(r.list().postingAddress().toString(), r.list().displayName(),
                    r.list().style().name().toLowerCase(Locale.ROOT), r.members(), r.archived());
        }
    }

    /** What the create form held, to show it again after a refusal. */
    public record ListForm(String address, String style, String displayName, String description, String owners) {
    }

    @GET
    public Response index() {
        return Response.seeOther(java.net.URI.create("/admin/site/health")).build();
    }

    // ---- domains

    @GET
    @Path("domains")
    public Response domainsPage() {
        return domainsView().ok();
    }

    private Pages.Page domainsView() {
        return forms.page("site-domains", "Domains").with("domains", domains.all(forms.account()));
    }

    @POST
    @Path("domains")
    public Response createDomain(@FormParam("name") String name, @FormParam("kind") String kind) {
        try {
            String created = domains.create(forms.account(), name, kind).name();
            return forms.done("/admin/site/domains", "The domain " + created + " was created.");
        } catch (SiteRefusal e) {
            return forms.refused(domainsView().with("name", name), e);
        }
    }

    @POST
    @Path("domains/{name}")
    public Response changeDomain(@PathParam("name") String name, @FormParam("action") String action,
            @FormParam("kind") String kind) {
        try {
            if ("delete".equals(action)) {
                domains.delete(forms.account(), name);
                return forms.done("/admin/site/domains", "The domain " + name + " was deleted.");
            }
            domains.change(forms.account(), name, kind);
            return forms.done("/admin/site/domains", "The domain " + name + " is now " + kind.toUpperCase(Locale.ROOT)
                    + ".");
        } catch (SiteRefusal e) {
            return forms.refused(domainsView(), e);
        }
    }

    // ---- lists

    @GET
    @Path("lists")
    public Response listsPage() {
        return listsView(new ListForm("", "discussion", "", "", "")).ok();
    }

    private Pages.Page listsView(ListForm form) {
        List<ListView> rows = lists.all(forms.account()).stream().map(ListView::of).toList();
        return forms.page("site-lists", "Lists").with("lists", rows).with("form", form)
                .with("listDomains", domains.all(forms.account()).stream()
                        .filter(d -> d.kind() == dev.quire.db.domain.DomainKind.LIST).map(d -> d.name()).toList());
    }

    @POST
    @Path("lists")
    public Response createList(@FormParam("address") String address, @FormParam("style") String style,
            @FormParam("displayName") String displayName, @FormParam("description") String description,
            @FormParam("owners") String owners) {
        ListForm form = new ListForm(address, style, displayName, description, owners);
        try {
            List<String> ownerList = owners == null
                    ? List.of()
                    : Arrays.stream(owners.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
            ListRow row = lists.create(forms.account(),
                    new ListCreation(address, style, displayName, description, ownerList));
            return forms.done("/admin/site/lists", "The list " + row.list().postingAddress() + " was created ("
                    + row.list().style().name().toLowerCase(Locale.ROOT) + ").");
        } catch (SiteRefusal e) {
            return forms.refused(listsView(form), e);
        }
    }

    @GET
    @Path("lists/{list}/delete")
    public Response confirmDelete(@PathParam("list") String list) {
        return forms.page("site-list-delete", "Delete " + list).with("list", ListView.of(lists.find(forms.account(),
                list))).ok();
    }

    @POST
    @Path("lists/{list}/delete")
    public Response delete(@PathParam("list") String list, @FormParam("confirm") String confirm) {
        ListView view = ListView.of(lists.find(forms.account(), list));
        if (confirm == null || !confirm.strip().equalsIgnoreCase(view.address())) {
            return forms.page("site-list-delete", "Delete " + list).with("list", view)
                    .with("error", "Type the list's address exactly to confirm; nothing was deleted.").response(400);
        }
        ListRow deleted = lists.delete(forms.account(), list);
        return forms.done("/admin/site/lists", "The list " + view.address() + " was deleted with its "
                + deleted.members() + " members and " + deleted.archived() + " archived messages.");
    }
}
