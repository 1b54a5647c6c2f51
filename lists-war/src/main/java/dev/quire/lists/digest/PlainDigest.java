package dev.quire.lists.digest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.apache.james.mime4j.codec.EncoderUtil;

import dev.quire.db.list.ListAddress;
import dev.quire.lists.archive.PlainText;
import dev.quire.lists.message.MailMessage;

/**
 * The plain digest, RFC 1153's layout: a preamble (masthead and table of contents), a line of 70 hyphens,
 * then each post as its Date, From, Subject and Message-ID lines, a blank line and its text, separated by
 * lines of 30 hyphens, and a trailer "End of ... Digest" underlined with asterisks. A body line of exactly
 * 30 hyphens gets a leading space so it cannot be taken for a separator.
 */
public final class PlainDigest {
    static final String PREAMBLE_END = "-".repeat(70);
    static final String SEPARATOR = "-".repeat(30);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private PlainDigest() {
    }

    public static byte[] render(DigestIssue issue, String hostname) throws IOException {
        StringBuilder body = new StringBuilder();
        body.append(issue.masthead()).append('\n').append(TableOfContents.of(issue.posts())).append('\n');
        body.append(PREAMBLE_END).append("\n\n");
        List<byte[]> posts = issue.posts();
        for (int i = 0; i < posts.size(); i++) {
            MailMessage m = MailMessage.parse(posts.get(i));
            body.append("Message: ").append(i + 1).append('\n');
            for (String h : List.of("Date", "From", "Subject", "Message-ID")) {
                String v = TableOfContents.decoded(m, h, "");
                if (!v.isEmpty()) {
                    body.append(h).append(": ").append(v).append('\n');
                }
            }
            body.append('\n');
            String text;
            try {
                text = PlainText.of(posts.get(i));
            } catch (IOException | RuntimeException e) {
                text = "[this message could not be read]";
            }
            for (String line : text.split("\r?\n", -1)) {
                body.append(line.equals(SEPARATOR) ? " " + line : line).append('\n');
            }
            body.append('\n').append(SEPARATOR).append("\n\n");
        }
        String end = "End of " + issue.subject();
        body.append(end).append('\n').append("*".repeat(end.length())).append('\n');

        StringBuilder msg = new StringBuilder();
        msg.append("From: ").append(issue.list().address(ListAddress.Function.REQUEST)).append("\r\n");
        msg.append("To: ").append(issue.list().postingAddress()).append("\r\n");
        msg.append("Reply-To: ").append(issue.list().postingAddress()).append("\r\n");
        msg.append("Subject: ").append(EncoderUtil.encodeIfNecessary(issue.subject(), EncoderUtil.Usage.TEXT_TOKEN, 9))
                .append("\r\n");
        msg.append("Date: ").append(DATE.format(issue.date())).append("\r\n");
        msg.append("Message-ID: ").append(issue.messageId(hostname).replace("<digest.", "<plain-digest."))
                .append("\r\n");
        msg.append("List-Id: <").append(issue.list().listId()).append(">\r\n");
        msg.append("Precedence: list\r\n");
        msg.append(
                "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n");
        msg.append("\r\n");
        msg.append(body.toString().replace("\n", "\r\n"));
        return msg.toString().getBytes(StandardCharsets.UTF_8);
    }
}
