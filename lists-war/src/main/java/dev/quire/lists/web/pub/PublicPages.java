package dev.quire.lists.web.pub;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.quire.db.list.ArchivePolicy;
import dev.quire.db.list.MailingList;
import dev.quire.lists.pending.Token;
import dev.quire.lists.security.Caller;
import dev.quire.lists.web.Pages;
import dev.quire.mail.EmailAddress;

/**
 * {@code /lists}: the index of advertised lists, each list's page with its subscribe and unsubscribe forms,
 * and the page an emailed confirmation link opens. The forms carry a honeypot field ({@code website}, hidden
 * from people, filled by bots) and are rate limited per client and per address; whatever the request did,
 * the visitor reads the same sentence, so the forms do not tell who is a member. A confirmation link only
 * shows a button: a GET changes nothing (link scanners fetch links), the button's POST confirms.
 */
@Path("/")
@RequestScoped
public class PublicPages {
    /** The form field people never see and bots fill. */
    static final String HONEYPOT = "website";
    private static final Logger LOG = Logger.getLogger(PublicPages.class.getName());

    @Inject
    Pages pages;

    @Inject
    Caller caller;

    @Inject
    PublicSubscriptions lists;

    @Inject
    RateLimits limits;

    @Context
    HttpServletRequest request;

    /** A list as the index and its page show it. */
    public record ListView(String listId, String displayName, String address, String description, String archive,
            boolean archiveOpen) {
        static ListView of(MailingList l) {
            return new ListView(l.listId(), l.displayName(), l.postingAddress().toString(), l.description(),
                    l.archivePolicy().name().toLowerCase(Locale.ROOT), l.archivePolicy() != ArchivePolicy.NONE);
        }
    }

    @GET
    public Response index() {
        List<ListView> all = lists.advertised().stream().map(ListView::of).toList();
        return pages.page("public-index", request, caller.account()).with("lists", all).ok();
    }

    @GET
    @Path("{list}")
    public Response list(@PathParam("list") String listId) {
        return listPage(ListView.of(lists.advertised(listId)), 200, null, null, null);
    }

    @POST
    @Path("{list}/subscribe")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response subscribe(@PathParam("list") String listId, @FormParam("email") String email,
            @FormParam("name") String name, @FormParam(HONEYPOT) String honeypot) throws IOException {
        return request(listId, "subscribe", email, name, honeypot);
    }

    @POST
    @Path("{list}/unsubscribe")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unsubscribe(@PathParam("list") String listId, @FormParam("email") String email,
            @FormParam(HONEYPOT) String honeypot) throws IOException {
        return request(listId, "unsubscribe", email, null, honeypot);
    }

    @GET
    @Path("{list}/requested")
    public Response requested(@PathParam("list") String listId, @QueryParam("what") String what) {
        ListView list = ListView.of(lists.advertised(listId));
        boolean join = !"unsubscribe".equals(what);
        return pages.page("public-requested", request, caller.account()).with("list", list).with("join", join).ok();
    }

    @GET
    @Path("confirm/{token}")
    public Response confirmPage(@PathParam("token") String token) {
        Optional<PublicSubscriptions.PendingView> p = Token.parse(token).flatMap(lists::pending);
        if (p.isEmpty()) {
            throw expired();
        }
        return pages.page("public-confirm", request, caller.account()).with("pending", p.get())
                .with("token", token).ok();
    }

    @POST
    @Path("confirm/{token}")
    public Response confirm(@PathParam("token") String token) throws IOException {
        Optional<Token> t = Token.parse(token);
        Optional<String> outcome = t.isEmpty() ? Optional.empty() : lists.confirm(t.get());
        if (outcome.isEmpty()) {
            throw expired();
        }
        return pages.page("public-confirmed", request, caller.account()).with("outcome", outcome.get()).ok();
    }

    private Response request(String listId, String what, String email, String name, String honeypot)
            throws IOException {
        ListView list = ListView.of(lists.advertised(listId));
        Optional<Duration> wait = limits.request(request.getRemoteAddr(), email);
        if (wait.isPresent()) {
            long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
            Response page = listPage(list, 429, what, email, "Too many requests. Wait " + minutes
                    + (minutes == 1 ? " minute" : " minutes") + ", then try again.");
            return Response.fromResponse(page).header("Retry-After", Long.toString(wait.get().toSeconds())).build();
        }
        EmailAddress address;
        try {
            address = EmailAddress.parse(email == null ? "" : email.strip());
        } catch (IllegalArgumentException e) {
            return listPage(list, 400, what, email, "That is not an email address we can write to.");
        }
        if (honeypot != null && !honeypot.isEmpty()) {
            LOG.info(() -> "honeypot filled on the " + what + " form of " + listId + " from " + request.getRemoteAddr()
                    + ": nothing done");
        } else if (what.equals("subscribe")) {
            lists.subscribe(listId, address, name == null || name.isBlank() ? null : name.strip());
        } else {
            lists.unsubscribe(listId, address);
        }
        return Response.seeOther(URI.create("/lists/" + list.listId() + "/requested?what=" + what)).build();
    }

    private Response listPage(ListView list, int status, String form, String email, String error) {
        return pages.page("public-list", request, caller.account()).with("list", list).with("form", form)
                .with("email", email).with("error", error).response(status);
    }

    private static PublicProblem expired() {
        return new PublicProblem(404, "This confirmation link has expired or has been used. Ask again from the"
                + " list's page.");
    }
}
