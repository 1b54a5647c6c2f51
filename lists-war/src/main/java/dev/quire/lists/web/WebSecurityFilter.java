package dev.quire.lists.web;

import java.io.IOException;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.quire.lists.deliverability.unsubscribe.OneClickUnsubscribe;
import dev.quire.lists.security.CsrfTokens;
import dev.quire.lists.security.QuireAuthenticationMechanism;
import dev.quire.lists.security.SecurityHeaders;
import dev.quire.lists.security.SecuritySettings;

/**
 * Guards every request of lists.war: sets the security headers, and refuses a state change (POST, PUT,
 * PATCH, DELETE) with 403 unless it comes from this site (Origin, else Referer) and carries the session's
 * CSRF token (form field {@value CsrfTokens#FIELD} or header {@value CsrfTokens#HEADER}). Calls
 * authenticated by an API token carry no cookie, so they cannot be forged by another site and need no token.
 * Nor does the RFC 8058 one-click endpoint ({@code /unsubscribe/TOKEN}): mailbox providers POST to it without
 * cookies or Origin, and the secret token in its URL is the proof that forms carry in their CSRF field.
 */
@WebFilter(filterName = "quire-web-security", urlPatterns = "/*")
public class WebSecurityFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(WebSecurityFilter.class.getName());
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final String ONE_CLICK = OneClickUnsubscribe.PATH;

    @Inject
    transient SecuritySettings settings;

    @Inject
    transient ErrorPages errors;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        SecurityHeaders.apply(request, response);
        if (SAFE.contains(request.getMethod())
                || Boolean.TRUE.equals(request.getAttribute(QuireAuthenticationMechanism.BEARER))
                || anonymousApiCall(request)
                || request.getRequestURI().startsWith(request.getContextPath() + ONE_CLICK)) {
            chain.doFilter(request, response);
            return;
        }
        String requestOrigin = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
        if (!OriginCheck.sameSite(request.getHeader("Origin"), request.getHeader("Referer"), requestOrigin,
                settings.webUrl().toString())) {
            LOG.info(() -> "refused a cross-site " + request.getMethod() + " " + request.getRequestURI() + " from "
                    + request.getHeader("Origin") + " / " + request.getHeader("Referer"));
            errors.write(request, response, request.getRequestURI(), 403,
                    "This request came from another site and was refused.");
            return;
        }
        String presented = request.getHeader(CsrfTokens.HEADER);
        if (presented == null && isForm(request)) {
            presented = request.getParameter(CsrfTokens.FIELD);
        }
        if (presented == null && isMultipart(request)) {
            presented = queryParameter(request.getQueryString(), CsrfTokens.FIELD);
        }
        if (!CsrfTokens.matches(request.getSession(false), presented)) {
            LOG.info(() -> "refused a " + request.getMethod() + " " + request.getRequestURI()
                    + " without a valid CSRF token");
            errors.write(request, response, request.getRequestURI(), 403,
                    "This form has expired or did not come from this site. Reload the page and try again.");
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * An API call with neither a session nor an Authorization header has no identity another site could ride
     * on: it goes on, and the resource answers 401 rather than a misleading CSRF 403.
     */
    private static boolean anonymousApiCall(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/api/") && request.getSession(false) == null
                && request.getHeader("Authorization") == null;
    }

    /** A file upload: its body is left to the page, so its token comes in the query string. */
    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data");
    }

    private static String queryParameter(String query, String name) {
        for (String pair : query == null ? new String[0] : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return java.net.URLDecoder.decode(pair.substring(name.length() + 1),
                        java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }
}
