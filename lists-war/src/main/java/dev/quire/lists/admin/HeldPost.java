package dev.quire.lists.admin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import dev.quire.db.list.HeldMessage;

/**
 * A held post as a moderator reads it: its main headers decoded, why it was held, its text (the first
 * text/plain part; an HTML-only post shows its source, never rendered) and its attachments' names. Pages
 * escape all of it; nothing in it is ever treated as markup.
 *
 * @param text at most {@value #MAX_TEXT} characters of the post's text
 */
public record HeldPost(long id, String sender, String from, String to, String subject, String date,
        String messageId, List<String> reasons, Instant heldAt, String text, boolean html, List<String> attachments,
        int size) {
    static final int MAX_TEXT = 100_000;
    private static final Session SESSION = Session.getInstance(new Properties());

    static HeldPost of(HeldMessage h) {
        byte[] raw = h.raw();
        String from = null;
        String to = null;
        String date = null;
        String text = "";
        boolean html = false;
        List<String> attachments = new ArrayList<>();
        try {
            MimeMessage m = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            from = decoded(m.getHeader("From", ", "));
            to = decoded(m.getHeader("To", ", "));
            date = m.getHeader("Date", null);
            String[] found = {null, null};
            walk(m, found, attachments, 0);
            html = found[0] == null && found[1] != null;
            text = found[0] != null ? found[0] : found[1] != null ? found[1] : "";
        } catch (MessagingException | IOException | RuntimeException e) {
            text = "(The post cannot be read as MIME: " + e.getMessage() + ". Its first bytes follow.)\n\n"
                    + new String(raw, 0, Math.min(raw.length, 4000), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT) + "\n[... cut: the text is longer than " + MAX_TEXT + " characters]";
        }
        return new HeldPost(h.id(), h.sender(), from, to, h.subject(), date, h.messageId(),
                h.reasons().lines().filter(l -> !l.isBlank()).toList(), h.heldAt(), text, html,
                Collections.unmodifiableList(attachments), raw.length);
    }

    /** Finds the first text/plain (found[0]) and text/html (found[1]) parts and names the attachments. */
    private static void walk(Part p, String[] found, List<String> attachments, int depth)
            throws MessagingException, IOException {
        if (depth > 20) {
            return;
        }
        if (p.isMimeType("multipart/*") && p.getContent() instanceof Multipart) {
            Multipart mp = (Multipart) p.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart b = mp.getBodyPart(i);
                walk(b, found, attachments, depth + 1);
            }
            return;
        }
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition()) || p.getFileName() != null;
        if (!attachment && p.isMimeType("text/plain") && found[0] == null) {
            found[0] = String.valueOf(p.getContent());
        } else if (!attachment && p.isMimeType("text/html") && found[1] == null) {
            found[1] = String.valueOf(p.getContent());
        } else if (depth > 0 || attachment) {
            String name = p.getFileName();
            attachments.add((name == null ? "(no name)" : decoded(name)) + " (" + baseType(p.getContentType()) + ", "
                    + Math.max(0, p.getSize()) + " bytes)");
        }
    }

    private static String baseType(String contentType) {
        if (contentType == null) {
            return "application/octet-stream";
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip();
    }

    private static String decoded(String header) {
        if (header == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(header));
        } catch (UnsupportedEncodingException e) {
            return header;
        }
    }
}
