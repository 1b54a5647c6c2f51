package dev.quire.lists.web;

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

import dev.quire.db.site.SiteAdminRepository.UserRow;
import dev.quire.lists.site.SiteLists;
import dev.quire.lists.site.SiteRefusal;
import dev.quire.lists.site.SiteUsers;

/**
 * {@code /admin/site/users}: site users with their list roles; create a user, give or take an owner or
 * moderator role, mail a password reset link.
 */
@Path("/site/users")
@RequestScoped
public class SiteUserPages {
    @Inject
    SiteForms forms;

    @Inject
    SiteUsers users;

    @Inject
    SiteLists lists;

    /** A user as the page shows it. */
    public record UserView(String username, String email, boolean siteAdmin, List<RoleView> roles) {
        static UserView of(UserRow u) {
            return new UserView(u.user().username(), u.user().email() == null ? "" : u.user().email().toString(),
                    u.user().siteAdmin(), u.roles().stream()
                            .map(r -> new RoleView(r.list(), r.role().name().toLowerCase(Locale.ROOT))).toList());
        }
    }

    /** One list role. */
    public record RoleView(String list, String role) {
    }

    @GET
    public Response page() {
        return view().ok();
    }

    private Pages.Page view() {
        return forms.page("site-users", "Users")
                .with("users", users.all(forms.account()).stream().map(UserView::of).toList())
                .with("lists", lists.all(forms.account()).stream()
                        .map(r -> r.list().postingAddress().toString()).toList());
    }

    @POST
    public Response create(@FormParam("username") String username, @FormParam("email") String email,
            @FormParam("password") String password, @FormParam("siteAdmin") String siteAdmin) {
        try {
            boolean mailed = users.create(forms.account(), username, email, password, "on".equals(siteAdmin));
            return forms.done("/admin/site/users", "The user " + username.strip() + " was created"
                    + (mailed ? "; a link to choose a password was mailed to " + email.strip() + "." : "."));
        } catch (SiteRefusal e) {
            return forms.refused(view().with("username", username).with("email", email), e);
        }
    }

    @POST
    @Path("{username}/roles")
    public Response role(@PathParam("username") String username, @FormParam("action") String action,
            @FormParam("list") String list, @FormParam("role") String role) {
        try {
            if ("remove".equals(action)) {
                users.revoke(forms.account(), username, list, role);
                return forms.done("/admin/site/users", username + " is no longer " + role + " of " + list + ".");
            }
            users.grant(forms.account(), username, list, role);
            return forms.done("/admin/site/users", username + " is now " + role + " of " + list + ".");
        } catch (SiteRefusal e) {
            return forms.refused(view(), e);
        }
    }

    @POST
    @Path("{username}/password-reset")
    public Response reset(@PathParam("username") String username) {
        try {
            users.resetPassword(forms.account(), username);
            return forms.done("/admin/site/users", "A link to choose a new password was mailed to " + username + ".");
        } catch (SiteRefusal e) {
            return forms.refused(view(), e);
        }
    }
}
