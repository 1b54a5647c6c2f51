package dev.quire.lists.web;

import java.net.URI;
import java.util.Locale;

/**
 * Whether a state-changing request comes from this site, by its {@code Origin} header (or, when a browser
 * sent none, its {@code Referer}): the origin must be the one the request was sent to, or the configured
 * {@code quire.web.url}. A request with neither header is left to the CSRF token alone.
 */
final class OriginCheck {
    private OriginCheck() {
    }

    /**
     * @param origin the Origin header, or null
     * @param referer the Referer header, or null
     * @param requestOrigin scheme://host[:port] of the request itself
     * @param configured the configured web URL's origin
     */
    static boolean sameSite(String origin, String referer, String requestOrigin, String configured) {
        String claimed = origin != null ? origin : referer == null ? null : originOf(referer);
        if (origin == null && referer == null) {
            return true;
        }
        if (claimed == null || "null".equals(claimed)) {
            return false;
        }
        String c = normalize(claimed);
        return c != null && (c.equals(normalize(requestOrigin)) || c.equals(normalize(configured)));
    }

    static String originOf(String url) {
        try {
            URI u = URI.create(url.strip());
            if (u.getScheme() == null || u.getHost() == null) {
                return null;
            }
            return u.getScheme() + "://" + u.getHost() + (u.getPort() == -1 ? "" : ":" + u.getPort());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Lower case, default ports dropped: {@code HTTP://Host:80} is {@code http://host}. */
    static String normalize(String origin) {
        if (origin == null) {
            return null;
        }
        String o = originOf(origin);
        if (o == null) {
            return null;
        }
        o = o.toLowerCase(Locale.ROOT);
        if (o.startsWith("http://") && o.endsWith(":80")) {
            return o.substring(0, o.length() - 3);
        }
        if (o.startsWith("https://") && o.endsWith(":443")) {
            return o.substring(0, o.length() - 4);
        }
        return o;
    }
}
