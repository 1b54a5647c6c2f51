package dev.quire.lists.api;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import dev.quire.lists.api.SiteViews.UserView;
import dev.quire.lists.security.Caller;
import dev.quire.lists.site.SiteUsers;

/**
 * {@code /api/users}: site users for site admins: list with their list roles, create, give or take an owner or
 * moderator role ({@code /api/users/{name}/roles}), and mail a password reset link.
 */
@Path("/users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {
    @Inject
    Caller caller;

    @Inject
    SiteUsers users;

    @GET
    @Operation(summary = "Every site user with its address, site admin flag and list roles")
    @APIResponse(responseCode = "403", description = "the caller is not a site admin")
    public List<UserView> users() {
        return users.all(caller.require()).stream().map(UserView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Creates a user: {username, email, password, siteAdmin}; without a password a link to"
            + " choose one is mailed to the address")
    @APIResponse(responseCode = "201", description = "created")
    @APIResponse(responseCode = "400", description = "a bad field; nothing was created")
    @APIResponse(responseCode = "409", description = "the user name or address is taken")
    public Response create(String body) {
        JsonBody b = JsonBody.parse(body, Set.of("username", "email", "password", "siteAdmin"));
        String username = b.text("username");
        String email = b.text("email");
        String password = b.text("password");
        boolean siteAdmin = b.bool("siteAdmin");
        b.check();
        boolean mailed = users.create(caller.require(), username, email, password, siteAdmin);
        return Response.status(201).entity(Map.of("username", username.strip(), "resetLinkMailed", mailed)).build();
    }

    @POST
    @Path("/{username}/roles")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Gives the user's address a role on a list: {list, role} with role owner or moderator")
    @APIResponse(responseCode = "400", description = "a bad role, no such list, or a user without an address")
    @APIResponse(responseCode = "404", description = "no such user")
    @APIResponse(responseCode = "409", description = "the user has that role already")
    public Response grant(@PathParam("username") String username, String body) {
        JsonBody b = JsonBody.parse(body, Set.of("list", "role"));
        String list = b.text("list");
        String role = b.text("role");
        b.check();
        users.grant(caller.require(), username, list, role);
        return Response.noContent().build();
    }

    @DELETE
    @Path("/{username}/roles")
    @Operation(summary = "Takes a role away: ?list=...&role=owner|moderator")
    @APIResponse(responseCode = "404", description = "no such user, or the user does not have that role")
    public Response revoke(@PathParam("username") String username, @QueryParam("list") String list,
            @QueryParam("role") String role) {
        users.revoke(caller.require(), username, list, role);
        return Response.noContent().build();
    }

    @POST
    @Path("/{username}/password-reset")
    @Operation(summary = "Mails the user a link to choose a new password")
    @APIResponse(responseCode = "202", description = "the link is on its way")
    @APIResponse(responseCode = "404", description = "no such user")
    @APIResponse(responseCode = "409", description = "the user has no email address")
    public Response reset(@PathParam("username") String username) {
        users.resetPassword(caller.require(), username);
        return Response.accepted(Map.of("username", username, "resetLinkMailed", true)).build();
    }
}
