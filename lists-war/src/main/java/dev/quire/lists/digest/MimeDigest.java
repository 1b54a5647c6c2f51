package dev.quire.lists.digest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;

import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.field.ParseException;
import org.apache.james.mime4j.message.BodyPartBuilder;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.message.DefaultMessageWriter;
import org.apache.james.mime4j.message.MultipartBuilder;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.RawField;

import dev.quire.db.list.ListAddress;

/**
 * The MIME digest (RFC 2046): a multipart/mixed whose first part is the masthead and table of contents
 * (text/plain) and whose second is a multipart/digest holding each post whole as message/rfc822.
 */
public final class MimeDigest {
    private MimeDigest() {
    }

    public static byte[] render(DigestIssue issue, String hostname) throws IOException {
        try {
            MultipartBuilder posts = MultipartBuilder.create("digest");
            DefaultMessageBuilder parser = new DefaultMessageBuilder();
            parser.setMimeEntityConfig(MimeConfig.PERMISSIVE);
            for (byte[] raw : issue.posts()) {
                Message post = parser.parseMessage(new ByteArrayInputStream(raw));
                posts.addBodyPart(BodyPartBuilder.create().setBody(post).setContentType("message/rfc822"));
            }
            String contents = issue.masthead() + "\n" + TableOfContents.of(issue.posts());
            MultipartBuilder mixed = MultipartBuilder.create("mixed")
                    .addBodyPart(BodyPartBuilder.create().setBody(contents, "plain", StandardCharsets.UTF_8)
                            .setContentDisposition("inline").setContentTransferEncoding("8bit"))
                    .addBodyPart(BodyPartBuilder.create().setBody(posts.build()));
            Message digest = Message.Builder.of()
                    .setFrom(issue.list().address(ListAddress.Function.REQUEST).toString())
                    .setTo(issue.list().postingAddress().toString())
                    .setSubject(issue.subject())
                    .setDate(Date.from(issue.date()))
                    .setMessageId(issue.messageId(hostname))
                    .setField(new RawField("Reply-To", issue.list().postingAddress().toString()))
                    .setField(new RawField("List-Id", "<" + issue.list().listId() + ">"))
                    .setField(new RawField("Precedence", "list"))
                    .setBody(mixed.build())
                    .build();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new DefaultMessageWriter().writeMessage(digest, out);
            return out.toByteArray();
        } catch (ParseException e) {
            throw new IOException("cannot build the MIME digest: " + e.getMessage(), e);
        }
    }
}
