package dev.quire.lists.web;

import java.net.URI;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import dev.quire.lists.admin.Refused;
import dev.quire.lists.security.Account;
import dev.quire.lists.security.Caller;
import dev.quire.lists.security.ListRights;
import dev.quire.lists.security.ListRole;

/**
 * What the owner's and moderator's pages share: the page with the caller in it, a one-time message shown
 * after a Post/Redirect/Get, and redirects to a list's page with the address encoded.
 */
@RequestScoped
public class OwnerPageSupport {
    private static final String FLASH = "quire.flash";

    @Inject
    Pages pages;

    @Inject
    Caller caller;

    @Inject
    ListRights rights;

    @Context
    HttpServletRequest request;

    Account account() {
        return caller.require();
    }

    /**
     * A page for the caller, with the one-time message of the last change (if any) as {@code flash}, and
     * {@code owner} when the caller may see the owner's tools too.
     */
    Pages.Page page(String template, Account account, String list) {
        boolean owner = rights.require(account, list, ListRole.MODERATOR).role().atLeast(ListRole.OWNER);
        Pages.Page p = pages.page(template, request, Optional.of(account)).with("listAddress", list)
                .with("owner", owner);
        HttpSession s = request.getSession(false);
        if (s != null && s.getAttribute(FLASH) != null) {
            p.with("flash", s.getAttribute(FLASH));
            s.removeAttribute(FLASH);
        }
        return p;
    }

    /** 303 to a page of the list ({@code suffix} like {@code members}), with a message for it. */
    Response back(String list, String suffix, String message) {
        if (message != null) {
            request.getSession(true).setAttribute(FLASH, message);
        }
        URI to = UriBuilder.fromPath("/admin/lists/{list}/" + suffix).build(list);
        return Response.seeOther(to).build();
    }

    /** The owner's tools' refusals as an error page with their status and sentence. */
    @Provider
    public static class RefusedPage implements ExceptionMapper<Refused> {
        @Inject
        ErrorPages errors;

        @Override
        public Response toResponse(Refused e) {
            return errors.page(e.status(), e.getMessage());
        }
    }
}
