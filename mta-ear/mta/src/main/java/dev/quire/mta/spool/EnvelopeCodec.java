package dev.quire.mta.spool;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import dev.quire.mail.EmailAddress;

/** Writes and reads envelopes as JSON (JSON-P); a file that does not parse is reported, never guessed at. */
final class EnvelopeCodec {
    private EnvelopeCodec() {
    }

    static byte[] encode(Envelope e) {
        JsonArrayBuilder pending = Json.createArrayBuilder();
        e.pending().forEach(r -> pending.add(r.toString()));
        JsonArrayBuilder failed = Json.createArrayBuilder();
        e.failed().forEach(f -> failed.add(Json.createObjectBuilder()
                .add("recipient", f.recipient().toString())
                .add("reason", f.reason())));
        JsonObjectBuilder o = Json.createObjectBuilder()
                .add("version", 1)
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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Json.createWriter(out).writeObject(o.build());
        return out.toByteArray();
    }

    static Envelope decode(InputStream in) throws IOException {
        try (JsonReader reader = Json.createReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
            JsonObject o = reader.readObject();
            String sender = o.getString("sender");
            List<EmailAddress> pending = new ArrayList<>();
            for (JsonValue v : o.getJsonArray("pending")) {
                pending.add(EmailAddress.parse(((JsonString) v).getString()));
            }
            List<Envelope.Failure> failed = new ArrayList<>();
            for (JsonValue v : o.getJsonArray("failed")) {
                JsonObject f = v.asJsonObject();
                failed.add(new Envelope.Failure(EmailAddress.parse(f.getString("recipient")), f.getString("reason")));
            }
            return new Envelope(new QueueId(o.getString("id")), sender.isEmpty() ? null : EmailAddress.parse(sender),
                    pending, failed, Instant.parse(o.getString("arrivedAt")), o.getInt("attempts"),
                    Instant.parse(o.getString("nextAttemptAt")), o.getString("lastError", null));
        } catch (RuntimeException e) {
            throw new IOException("unreadable envelope: " + e.getMessage(), e);
        }
    }
}
