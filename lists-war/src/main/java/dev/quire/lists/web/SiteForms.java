package dev.quire.lists.web;

import java.net.URI;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.core.Response;

import dev.quire.lists.security.Account;
import dev.quire.lists.security.Caller;
import dev.quire.lists.site.SiteRefusal;

/**
 * What every site-admin page shares: the page with the site navigation, the message of the last change
 * (kept in the session for one page, after the 303 of Post/Redirect/Get), and a refused form shown again
 * with its message and status.
 */
@RequestScoped
public class SiteForms {
    private static final String FLASH = "quire.site.flash";

    @Inject
    Pages pages;

    @Inject
    Caller caller;

    @Inject
    HttpServletRequest request;

    public Account account() {
        return caller.require();
    }

    /** A site page with the navigation, the caller, and the last change's message (shown once). */
    public Pages.Page page(String template, String title) {
        Pages.Page page = pages.page(template, request, Optional.of(account())).with("siteAdmin", true)
                .with("title", title);
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(FLASH) != null) {
            page.with("done", session.getAttribute(FLASH));
            session.removeAttribute(FLASH);
        }
        return page;
    }

    /** 303 to a page that will say what was done. */
    public Response done(String path, String message) {
        request.getSession(true).setAttribute(FLASH, message);
        return Response.seeOther(URI.create(path)).build();
    }

    /** The page again, with the refusal's message (and its field messages) and its status. */
    public Response refused(Pages.Page page, SiteRefusal e) {
        StringBuilder text = new StringBuilder(e.getMessage());
        if (!e.fields().isEmpty() && !e.fields().containsValue(e.getMessage())) {
            e.fields().forEach((f, m) -> text.append(' ').append(f).append(": ").append(m).append('.'));
        } else if (!e.fields().isEmpty()) {
            text.insert(0, e.fields().keySet().iterator().next() + ": ");
        }
        return page.with("error", text.toString()).response(e.status());
    }
}
