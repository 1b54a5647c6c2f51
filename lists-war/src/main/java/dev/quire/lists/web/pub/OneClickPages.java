package dev.quire.lists.web.pub;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import dev.quire.lists.web.ErrorPages;
import dev.quire.lists.web.Pages;

/**
 * {@code /unsubscribe/{token}}, the RFC 8058 one-click endpoint whose URL each delivered post carries in
 * List-Unsubscribe. A POST whose body is {@code List-Unsubscribe=One-Click} (form-urlencoded or multipart)
 * takes the member off the list at once and answers 200: no cookie, no CSRF token (the token in the URL is
 * the proof; the security filter exempts this path), no redirect, and the same answer when repeated. A
 * token that is forged or expired answers 400. A GET changes nothing: it shows a button that sends that POST,
 * so link scanners and previews cannot unsubscribe anyone. No page here starts a session.
 */
@Path("/")
@RequestScoped
public class OneClickPages {
    private static final Pattern MULTIPART_FIELD = Pattern.compile(
            "name=\"?List-Unsubscribe\"?[^\\r\\n]*\\r?\\n(?:[^\\r\\n]+\\r?\\n)*\\r?\\nOne-Click\\r?\\n",
            Pattern.CASE_INSENSITIVE);

    @Inject
    Pages pages;

    @Inject
    PublicSubscriptions lists;

    @Inject
    ErrorPages errors;

    @Context
    HttpServletRequest request;

    @GET
    @Path("{token}")
    public Response page(@PathParam("token") String token) {
        Optional<PublicSubscriptions.OneClickView> v = lists.oneClick(token);
        if (v.isEmpty()) {
            return invalid();
        }
        return pages.plain("public-unsubscribe").with("view", v.get()).with("token", token).with("done", false)
                .ok();
    }

    @POST
    @Path("{token}")
    public Response unsubscribe(@PathParam("token") String token, byte[] body) throws IOException {
        if (!oneClick(request.getContentType(), body)) {
            return errors.page(400, "A one-click unsubscribe is a POST with the body List-Unsubscribe=One-Click.");
        }
        Optional<PublicSubscriptions.OneClickView> v = lists.oneClick(token);
        if (v.isEmpty() || !lists.unsubscribeNow(token)) {
            return invalid();
        }
        return pages.plain("public-unsubscribe").with("view", v.get()).with("token", token).with("done", true).ok();
    }

    /** True when the body says {@code List-Unsubscribe=One-Click}, as a form field or a multipart part. */
    static boolean oneClick(String contentType, byte[] body) {
        if (body == null || body.length > 64 * 1024) {
            return false;
        }
        String text = new String(body, StandardCharsets.ISO_8859_1);
        if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            return MULTIPART_FIELD.matcher(text).find();
        }
        for (String pair : text.strip().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && decode(pair.substring(0, eq)).equals("List-Unsubscribe")
                    && decode(pair.substring(eq + 1)).equals("One-Click")) {
                return true;
            }
        }
        return false;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private Response invalid() {
        return errors.page(400, "This unsubscribe link is not valid or has expired. To leave the list, use the"
                + " list's page or send a message to its -leave address.");
    }
}
