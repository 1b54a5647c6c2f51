package dev.quire.lists.archive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class HtmlSanitizerTest {
    private static String clean(String html) {
        return HtmlSanitizer.clean(html);
    }

    @Test
    void scriptsAndEventHandlersAreRemovedAndTheTextStays() {
        String out = clean("<p onclick=\"steal()\">Hello <b>all</b></p><script>alert(1)</script>"
                + "<img src=x onerror=\"alert(2)\"><svg onload=alert(3)><circle/></svg>");
        String lower = out.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("<script") || lower.contains("alert(1)"), out);
        assertFalse(lower.contains("onerror") || lower.contains("onclick") || lower.contains("onload"), out);
        assertFalse(lower.contains("<svg"), out);
        assertTrue(out.contains("<p>Hello <b>all</b></p>"), out);
    }

    @Test
    void remoteImagesAreNotLoadedButNamed() {
        String out = clean("<p>Logo: <img src=\"https://tracker.example/pixel.gif?u=1\" alt=\"our logo\"></p>");
        assertFalse(out.contains("tracker.example/pixel.gif"), out);
        assertFalse(out.contains("<img"), out);
        assertTrue(out.contains("[remote image not loaded: our logo (tracker.example)]"), out);
        assertFalse(clean("<img src=\"//cdn.example/a.png\">").contains("<img"));
        assertFalse(clean("<img src=\"cid:part1@x\">").contains("<img"));
        assertTrue(clean("<img src=\"cid:part1@x\">").contains("[inline image]"));
    }

    @Test
    void smallInlineRasterImagesStayButSvgDoesNot() {
        String png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
        assertTrue(clean("<img src=\"" + png + "\" alt=\"dot\">").contains("src=\"" + png + "\""));
        assertFalse(clean("<img src=\"data:image/svg+xml;base64,PHN2Zz4=\">").contains("<img"));
    }

    @Test
    void dangerousLinksAndStylesGoAndLinksAreNofollow() {
        String out = clean("<a href=\"javascript:alert(1)\">x</a><a href=\"https://example.org/\">y</a>"
                + "<p style=\"background:url(https://t.example/a)\">z</p><iframe src=\"https://e.example\"></iframe>"
                + "<form action=\"https://e.example\"><input name=a></form><style>p{}</style>"
                + "<base href=\"https://evil.example/\"><meta http-equiv=refresh content=\"0;url=https://e.example\">");
        assertFalse(out.contains("javascript:"), out);
        assertTrue(out.contains("<a href=\"https://example.org/\" rel=\"nofollow noopener noreferrer\">y</a>"), out);
        assertFalse(out.contains("style") || out.contains("t.example"), out);
        assertFalse(out.contains("<iframe") || out.contains("<form") || out.contains("<input") || out.contains("<base")
                || out.contains("<meta"), out);
    }

    @Test
    void tablesAndListsSurvive() {
        assertEquals("<table><tbody><tr><td>1</td></tr></tbody></table><ul><li>a</li></ul>",
                clean("<table><tr><td>1</td></tr></table><ul><li>a</li></ul>"));
    }
}
