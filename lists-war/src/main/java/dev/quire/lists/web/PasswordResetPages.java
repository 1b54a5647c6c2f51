package dev.quire.lists.web;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import dev.quire.lists.security.PasswordResets;

/**
 * {@code /admin/password-reset}: ask for a link by user name or address (the answer is the same whether or
 * not an account matched), then {@code /admin/password-reset/{token}} to choose the new password.
 */
@Path("/password-reset")
@RequestScoped
public class PasswordResetPages {
    @Inject
    Pages pages;

    @Inject
    PasswordResets resets;

    @Context
    HttpServletRequest request;

    @GET
    public Response form() {
        return page("reset-request").ok();
    }

    @POST
    public Response request(@FormParam("who") String who) {
        if (who == null || who.isBlank()) {
            return page("reset-request").with("error", "Enter your user name or your email address.").response(400);
        }
        resets.request(who);
        return page("message").with("title", "Check your mail")
                .with("message", "If an account matches, a link to choose a new password is on its way to the"
                        + " account's address. The link works once and expires.")
                .ok();
    }

    @GET
    @Path("{token}")
    public Response choose(@PathParam("token") String token) {
        Optional<String> user = resets.check(token);
        if (user.isEmpty()) {
            return invalidLink();
        }
        return page("reset-form").with("account", user.get()).with("token", token)
                .with("minLength", PasswordResets.MIN_LENGTH).ok();
    }

    @POST
    @Path("{token}")
    public Response set(@PathParam("token") String token, @FormParam("password") String password,
            @FormParam("confirm") String confirm) {
        Optional<String> user = resets.check(token);
        if (user.isEmpty()) {
            return invalidLink();
        }
        if (password == null || !password.equals(confirm)) {
            return retry(token, user.get(), "The two passwords differ.");
        }
        PasswordResets.Result result = resets.complete(token, password.toCharArray());
        if (result == PasswordResets.Result.TOO_SHORT) {
            return retry(token, user.get(), "Choose a password of at least " + PasswordResets.MIN_LENGTH
                    + " characters.");
        }
        if (result == PasswordResets.Result.LINK_INVALID) {
            return invalidLink();
        }
        return page("message").with("title", "Password changed")
                .with("message", "Your password is changed. Log in with the new one.").with("login", true).ok();
    }

    private Response retry(String token, String user, String error) {
        return page("reset-form").with("account", user).with("token", token)
                .with("minLength", PasswordResets.MIN_LENGTH).with("error", error).response(400);
    }

    private Response invalidLink() {
        return page("message").with("title", "Link not valid")
                .with("message", "This link has expired or has been used. Ask for a new one.")
                .with("again", true).response(404);
    }

    private Pages.Page page(String template) {
        return pages.page(template, request, Optional.empty());
    }
}
