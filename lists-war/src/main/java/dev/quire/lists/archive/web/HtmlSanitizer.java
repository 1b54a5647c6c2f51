package dev.quire.lists.archive.web;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * Makes the HTML part of an archived post safe to show inside an archive page, with jsoup's allow-list
 * cleaner: only formatting elements survive (no script, style, form, iframe, object, no event handler or
 * style attribute, links only to http, https and mailto, with {@code rel="nofollow noopener noreferrer"}).
 * Nothing remote is loaded: an image from another host (or a {@code cid:} part) becomes a short note naming
 * it, and only small inline {@code data:} images of raster types stay.
 */
public final class HtmlSanitizer {
    private static final Pattern DATA_IMAGE = Pattern
            .compile("data:image/(png|gif|jpeg|webp);base64,[A-Za-z0-9+/=\\s]+");
    private static final int MAX_DATA_IMAGE = 256 * 1024;
    private static final Safelist SAFELIST = Safelist.relaxed()
            .removeProtocols("img", "src", "http", "https")
            .addProtocols("img", "src", "data")
            .removeProtocols("a", "href", "ftp")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer")
            .addTags("hr", "font", "center", "abbr", "s", "del", "ins", "mark")
            .addAttributes("td", "align", "valign")
            .addAttributes("th", "align", "valign");

    private HtmlSanitizer() {
    }

    /** The body of {@code html} reduced to what is safe to show. */
    public static String clean(String html) {
        Document doc = Jsoup.parse(html == null ? "" : html);
        for (Element img : doc.select("img")) {
            String src = img.attr("src").strip();
            if (!(src.length() <= MAX_DATA_IMAGE && DATA_IMAGE.matcher(src).matches())) {
                img.replaceWith(new Element("span").addClass("removed").text(note(img, src)));
            }
        }
        Document.OutputSettings out = new Document.OutputSettings().prettyPrint(false);
        doc.outputSettings(out);
        return Jsoup.clean(doc.body().html(), "", SAFELIST, out);
    }

    private static String note(Element img, String src) {
        String alt = img.attr("alt").strip();
        String what = src.toLowerCase(Locale.ROOT).startsWith("cid:") ? "[inline image" : "[remote image not loaded";
        String host = host(src);
        return what + (alt.isEmpty() ? "" : ": " + alt) + (host == null ? "" : " (" + host + ")") + "]";
    }

    private static String host(String src) {
        try {
            String h = java.net.URI.create(src).getHost();
            return h == null || h.length() > 100 ? null : h;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
