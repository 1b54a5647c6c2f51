package dev.quire.lists.api;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** A JSON object body of the owner's tools, read field by field; a wrong shape is a 400 naming the field. */
final class JsonBody {
    private final JsonObject json;

    private JsonBody(JsonObject json) {
        this.json = json;
    }

    static JsonBody parse(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body == null ? "" : body))) {
            return new JsonBody(reader.readObject());
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidRequest("The body must be a JSON object.", Map.of());
        }
    }

    boolean has(String name) {
        return json.containsKey(name) && json.get(name) != JsonValue.NULL;
    }

    String text(String name) {
        if (!has(name)) {
            return null;
        }
        if (!(json.get(name) instanceof JsonString)) {
            throw new InvalidRequest("The field " + name + " must be a string.", Map.of(name, "must be a string"));
        }
        return json.getString(name);
    }

    boolean bool(String name) {
        if (!has(name)) {
            return false;
        }
        JsonValue v = json.get(name);
        if (v != JsonValue.TRUE && v != JsonValue.FALSE) {
            throw new InvalidRequest("The field " + name + " must be true or false.",
                    Map.of(name, "must be a boolean"));
        }
        return v == JsonValue.TRUE;
    }

    /** An array field's elements, each an object or a string. */
    List<JsonValue> array(String name) {
        if (!has(name)) {
            return List.of();
        }
        if (!(json.get(name) instanceof JsonArray)) {
            throw new InvalidRequest("The field " + name + " must be an array.", Map.of(name, "must be an array"));
        }
        return json.getJsonArray(name);
    }

    /** An array of whole numbers. */
    List<Long> ids(String name) {
        List<Long> ids = new ArrayList<>();
        for (JsonValue v : array(name)) {
            if (!(v instanceof JsonNumber) || !((JsonNumber) v).isIntegral()) {
                throw new InvalidRequest("The field " + name + " must hold whole numbers.",
                        Map.of(name, "must be an array of ids"));
            }
            ids.add(((JsonNumber) v).longValue());
        }
        return ids;
    }

    /** An element of an array as an object of its own. */
    static JsonBody of(JsonValue v, String field) {
        if (!(v instanceof JsonObject)) {
            throw new InvalidRequest("Each element of " + field + " must be an object.", Map.of(field,
                    "must be an array of objects"));
        }
        return new JsonBody((JsonObject) v);
    }
}
