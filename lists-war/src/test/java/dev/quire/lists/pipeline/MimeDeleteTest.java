package dev.quire.lists.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.quire.lists.ListFixtures;
import dev.quire.lists.posting.Post;

class MimeDeleteTest {
    private static final String MIXED = "From: alice@example.test\r\nSubject: report\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n"
            + "--outer\r\nContent-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n"
            + "--alt\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nPlain version.\r\n"
            + "--alt\r\nContent-Type: text/html; charset=us-ascii\r\n\r\n<p>HTML version.</p>\r\n"
            + "--alt--\r\n"
            + "--outer\r\nContent-Type: application/octet-stream; name=\"setup.exe\"\r\n"
            + "Content-Disposition: attachment; filename=\"setup.exe\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + "TVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAgAAAAA==\r\n"
            + "--outer\r\nContent-Type: application/pdf; name=\"minutes.pdf\"\r\n"
            + "Content-Disposition: attachment; filename=\"minutes.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + "JVBERi0xLjQK\r\n"
            + "--outer--\r\n";

    private static Post filtered(String text, String filterExtensions, String passTypes, boolean html)
            throws IOException {
        Post post = ListFixtures.post(text);
        var p = post.list().pipeline();
        p.setFilterContent(true);
        p.setFilterExtensions(filterExtensions);
        p.setPassTypes(passTypes);
        p.setConvertHtmlToPlaintext(html);
        new MimeDelete().process(post);
        return post;
    }

    private static String body(Post post) {
        return new String(post.message().body(), StandardCharsets.UTF_8);
    }

    @Test
    void dropsFilteredExtensionsAndCollapsesAlternatives() throws IOException {
        Post post = filtered(MIXED, "exe\nbat", null, false);
        String body = body(post);
        assertNull(post.discarded());
        assertTrue(post.message().header("Content-Type").orElseThrow().startsWith("multipart/mixed"));
        assertTrue(body.contains("Plain version."), body);
        assertFalse(body.contains("HTML version"), "alternative collapsed to its first part: " + body);
        assertFalse(body.contains("setup.exe"), body);
        assertTrue(body.contains("minutes.pdf"), body);
        assertEquals(Optional.of("report"), post.message().header("Subject"), "other fields untouched");
    }

    @Test
    void passTypesKeepOnlyThoseAndASinglePartIsNoLongerMultipart() throws IOException {
        Post post = filtered(MIXED, null, "text/plain\nmultipart", false);
        assertTrue(post.message().header("Content-Type").orElseThrow().startsWith("text/plain"),
                post.message().header("Content-Type").orElseThrow());
        assertEquals("Plain version.", body(post).strip());
    }

    @Test
    void htmlBecomesPlainTextWithItsLinks() throws IOException {
        Post post = filtered("From: a@example.test\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
                + "<html><head><style>p{color:red}</style></head><body><h1>Agenda</h1><p>Caf=C3=A9 at <a href=3D\"https:/"
                + "/example.test/map\">the corner</a>.</p><ul><li>one</li><li>two</li></ul></body></html>\r\n",
                null, null, true);
        assertTrue(post.message().header("Content-Type").orElseThrow().startsWith("text/plain"));
        String text = new String(decodeQp(post.message().body()), StandardCharsets.UTF_8);
        assertTrue(text.contains("Agenda\n"), text);
        assertTrue(text.contains("Café at the corner <https://example.test/map>."), text);
        assertTrue(text.contains("* one\n* two"), text);
        assertFalse(text.contains("color"), text);
    }

    @Test
    void aPostWithNothingLeftIsDiscarded() throws IOException {
        Post post = filtered("From: a@example.test\r\nContent-Type: image/png\r\n\r\nxx\r\n", "", "text/plain", false);
        assertEquals("mime-delete: no content left after filtering", post.discarded());
    }

    @Test
    void offLeavesThePostAlone() throws IOException {
        Post post = ListFixtures.post(MIXED);
        new MimeDelete().process(post);
        assertTrue(body(post).contains("setup.exe"));
    }

    private static byte[] decodeQp(byte[] body) {
        try (var in = new org.apache.james.mime4j.codec.QuotedPrintableInputStream(
                new java.io.ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).replace("\r\n", "\n")
                    .getBytes(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
