package dev.quire.mta.spool;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import dev.quire.mail.EmailAddress;

/** Writes and reads envelopes as JSON (JSON-P); a file that does not parse is reported, never guessed at. */
final class EnvelopeCodec {
    /**
     * The JSON-P provider, looked up once: every {@code Json.createXxx} call would search the class path for it
     * again (a ServiceLoader scan through the container's class loaders, the largest cost of a spool write).
     */
    private static final JsonProvider JSON = JsonProvider.provider();

    private EnvelopeCodec() {
    }

    static byte[] encode(Envelope e) {
        JsonArrayBuilder pending = JSON.createArrayBuilder();
        e.pending().forEach(r -> pending.add(recipient(r)));
        JsonArrayBuilder failed = JSON.createArrayBuilder();
        e.failed().forEach(f -> failed.add(recipient(f.recipient()).add("reason", f.reason())));
        JsonObjectBuilder o = JSON.createObjectBuilder()
                .add("version", 2)
                .add("id", e.id().value())
                .add("sender", e.sender() == null ? "" : e.sender().toString())
                .add("pending", pending)
                .add("failed", failed)
                .add("arrivedAt", e.arrivedAt().toString())
                .add("attempts", e.attempts())
                .add("nextAttemptAt", e.nextAttemptAt().toString());
        if (e.lastError() != null) {
            o.add("lastError", e.lastError());
        }
        if (e.heloName() != null) {
            o.add("helo", e.heloName());
        }
        if (e.dsn().ret() != null) {
            o.add("ret", e.dsn().ret());
        }
        if (e.dsn().envid() != null) {
            o.add("envid", e.dsn().envid());
        }
        o.add("delayWarned", e.delayWarned());
        if (e.verp() != null) {
            o.add("verp", e.verp());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JSON.createWriter(out).writeObject(o.build());
        return out.toByteArray();
    }

    private static JsonObjectBuilder recipient(Recipient r) {
        JsonObjectBuilder b = JSON.createObjectBuilder();
        if (r.destination() instanceof Recipient.Mailbox m) {
            b.add("to", m.address().toString());
        } else if (r.destination() instanceof Recipient.Pipe p) {
            b.add("pipe", p.command());
        } else {
            b.add("file", ((Recipient.FileAppend) r.destination()).path());
        }
        b.add("original", r.original().toString());
        if (r.dsnNotify() != null) {
            b.add("notify", r.dsnNotify());
        }
        if (r.dsnOrcpt() != null) {
            b.add("orcpt", r.dsnOrcpt());
        }
        return b;
    }

    private static Recipient recipient(JsonObject o) {
        Recipient.Destination d = o.containsKey("to")
                ? new Recipient.Mailbox(EmailAddress.parse(o.getString("to"), true))
                : o.containsKey("pipe")
                        ? new Recipient.Pipe(o.getString("pipe"))
                        : new Recipient.FileAppend(o.getString("file"));
        return new Recipient(d, EmailAddress.parse(o.getString("original"), true), o.getString("notify", null),
                o.getString("orcpt", null));
    }

    static Envelope decode(InputStream in) throws IOException {
        try (JsonReader reader = JSON.createReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
            JsonObject o = reader.readObject();
            if (o.getInt("version") != 2) {
                throw new IOException("envelope version " + o.getInt("version") + " is not one this MTA reads");
            }
            String sender = o.getString("sender");
            List<Recipient> pending = new ArrayList<>();
            for (JsonValue v : o.getJsonArray("pending")) {
                pending.add(recipient(v.asJsonObject()));
            }
            List<Envelope.Failure> failed = new ArrayList<>();
            for (JsonValue v : o.getJsonArray("failed")) {
                JsonObject f = v.asJsonObject();
                failed.add(new Envelope.Failure(recipient(f), f.getString("reason")));
            }
            return new Envelope(new QueueId(o.getString("id")), sender.isEmpty()
                    ? null
                    : EmailAddress.parse(sender, true),
                    pending, failed, Instant.parse(o.getString("arrivedAt")), o.getInt("attempts"),
                    Instant.parse(o.getString("nextAttemptAt")), o.getString("lastError", null),
                    o.getString("helo", null),
                    new Envelope.Dsn(o.getString("ret", null), o.getString("envid", null)),
                    o.getBoolean("delayWarned", false), o.getString("verp", null));
        } catch (RuntimeException e) {
            throw new IOException("unreadable envelope: " + e.getMessage(), e);
        }
    }
}
