package dev.quire.lists.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import dev.quire.db.list.MailingList;
import dev.quire.db.list.MemberRole;
import dev.quire.lists.admin.ListAdministration;
import dev.quire.lists.admin.ListOverview;
import dev.quire.lists.security.Account;
import dev.quire.lists.security.Caller;
import dev.quire.lists.security.ListRights.ManagedList;
import dev.quire.lists.security.ListRole;

/**
 * {@code /admin}: the lists the user may manage with the user's role on each, and {@code /admin/lists/{list}},
 * a list's overview. A moderator's overview shows moderation only; a list the user has no role on is a 404.
 */
@Path("/")
@RequestScoped
public class AdminPages {
    @Inject
    Pages pages;

    @Inject
    Caller caller;

    @Inject
    ListAdministration admin;

    @Context
    HttpServletRequest request;

    /** One row of the home page's table. */
    public record ListRow(String address, String displayName, String role) {
    }

    /** A list's overview as the page shows it. */
    public record OverviewView(String address, String listId, String displayName, String description, String role,
            boolean owner, long members, long owners, long moderators, long held, String style, String archivePolicy,
            String subscriptionPolicy, String subjectPrefix, boolean emergency) {
    }

    @GET
    public Response home() {
        Account account = caller.require();
        List<ListRow> rows = admin.lists(account).stream().map(AdminPages::row).toList();
        return pages.page("home", request, Optional.of(account)).with("lists", rows)
                .with("siteAdmin", account.siteAdmin()).ok();
    }

    @GET
    @Path("lists/{list}")
    public Response list(@PathParam("list") String list) {
        Account account = caller.require();
        ListOverview overview = admin.overview(account, list);
        return pages.page("list", request, Optional.of(account)).with("list", view(overview)).ok();
    }

    private static ListRow row(ManagedList m) {
        return new ListRow(m.list().postingAddress().toString(), m.list().displayName(), label(m.role()));
    }

    private static OverviewView view(ListOverview o) {
        MailingList l = o.managed().list();
        return new OverviewView(l.postingAddress().toString(), l.listId(), l.displayName(), l.description(),
                label(o.managed().role()), o.managed().role().atLeast(ListRole.OWNER),
                o.counts().get(MemberRole.MEMBER), o.counts().get(MemberRole.OWNER),
                o.counts().get(MemberRole.MODERATOR), o.held(), l.style().name().toLowerCase(Locale.ROOT),
                l.archivePolicy().name().toLowerCase(Locale.ROOT),
                l.subscriptions().subscriptionPolicy().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                l.subjectPrefix(), l.posting().emergency());
    }

    static String label(ListRole role) {
        switch (role) {
            case SITE_ADMIN :
                return "site admin";
            case OWNER :
                return "owner";
            case MODERATOR :
                return "moderator";
            default :
                return "none";
        }
    }
}
