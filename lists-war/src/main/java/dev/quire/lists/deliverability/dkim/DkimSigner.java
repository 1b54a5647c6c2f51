package dev.quire.lists.deliverability.dkim;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.james.jdkim.DKIMSigner;
import org.apache.james.jdkim.api.BodyHasher;
import org.apache.james.jdkim.exceptions.FailException;

import dev.quire.lists.message.MailMessage;

/**
 * Signs a message with a domain key through jDKIM: rsa-sha256, relaxed/relaxed, a timestamp, and h= naming
 * every present field of {@link #SIGNED} plus From once more, so that a second From cannot be added later
 * without breaking the signature (over-signing).
 */
public final class DkimSigner {
    /** The fields signed when present: identity, threading, MIME, and every list field (RFC 8058 needs them). */
    public static final List<String> SIGNED = List.of("From", "Reply-To", "Sender", "To", "Cc", "Subject", "Date",
            "Message-ID", "In-Reply-To", "References", "MIME-Version", "Content-Type", "Content-Transfer-Encoding",
            "List-Id", "List-Help", "List-Subscribe", "List-Unsubscribe", "List-Unsubscribe-Post", "List-Post",
            "List-Owner", "List-Archive", "Archived-At");

    private DkimSigner() {
    }

    /** Adds a DKIM-Signature field on top of the message. */
    public static void sign(MailMessage message, DkimKey key) throws IOException {
        String template = "v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + key.domain() + "; s=" + key.selector()
                + "; t=" + Instant.now().getEpochSecond() + "; h=" + headerList(message) + "; bh=; b=;";
        DKIMSigner signer = new DKIMSigner(template, key.privateKey());
        try {
            BodyHasher hasher = signer.newBodyHasher(signer.newSignatureRecordTemplate(template));
            try (OutputStream out = hasher.getOutputStream()) {
                out.write(message.body());
            }
            String field = signer.sign(new MessageHeaders(message), hasher);
            message.prependRaw("DKIM-Signature", fold(field.substring(field.indexOf(':') + 1).strip()));
        } catch (FailException e) {
            throw new IOException("DKIM signing failed: " + e.getMessage(), e);
        }
    }

    static String headerList(MailMessage message) {
        List<String> names = new ArrayList<>();
        for (String name : SIGNED) {
            for (int i = 0; i < message.rawFields(name).size(); i++) {
                names.add(name.toLowerCase(Locale.ROOT));
            }
        }
        names.add("from");
        return String.join(":", names);
    }

    /**
     * Folds a tag list where it already has "; " (the space becomes a line break), so lines stay short and
     * relaxed canonicalization reads the folded form exactly as the unfolded one that was signed. The b=
     * value is broken into lines too: verifiers remove it (and its whitespace) before they hash the field.
     */
    public static String fold(String tags) {
        StringBuilder out = new StringBuilder();
        int line = 0;
        String[] parts = tags.split("; ", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                if (line + parts[i].length() > 72) {
                    out.append(";\r\n\t");
                    line = 1;
                } else {
                    out.append("; ");
                    line += 2;
                }
            }
            String part = parts[i];
            if (part.startsWith("b=") && part.length() > 72) {
                part = chunked(part);
                line = 72;
            } else {
                line += part.length();
            }
            out.append(part);
        }
        return out.toString();
    }

    private static String chunked(String b) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < b.length(); i += 72) {
            if (i > 0) {
                out.append("\r\n\t");
            }
            out.append(b, i, Math.min(b.length(), i + 72));
        }
        return out.toString();
    }
}
