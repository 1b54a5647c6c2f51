package dev.quire.lists.digest;

import java.util.List;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;

import dev.quire.lists.message.MailMessage;

/** "Today's Topics": one numbered line per post, its subject and author, as both digest formats show it. */
final class TableOfContents {
    private TableOfContents() {
    }

    static String of(List<byte[]> posts) {
        StringBuilder sb = new StringBuilder("Today's Topics:\n\n");
        for (int i = 0; i < posts.size(); i++) {
            MailMessage m = MailMessage.parse(posts.get(i));
            String line = String.format("%4d. %s (%s)", i + 1, decoded(m, "Subject", "(no subject)"),
                    decoded(m, "From", "unknown"));
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    static String decoded(MailMessage m, String header, String otherwise) {
        return m.header(header).map(v -> DecoderUtil.decodeEncodedWords(v, DecodeMonitor.SILENT).strip())
                .filter(v -> !v.isEmpty()).orElse(otherwise);
    }
}
