package dev.quire.lists.subscription;

import java.io.StringReader;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;

/**
 * What a subscription request remembers in its {@code data} column: the steps it must pass, fixed when it
 * was made so a later change of the list's policy neither blocks nor reroutes it, the channel it came by,
 * and who asked.
 *
 * @param steps the steps in order, the current one included
 * @param channel where the request came from
 * @param requester who asked (an address, or a web or admin user name)
 */
public record RequestData(List<Step> steps, Channel channel, String requester) {
    public RequestData {
        steps = List.copyOf(steps);
    }

    /** The step after {@code current}, or null when {@code current} is the last. */
    public Step after(Step current) {
        int i = steps.indexOf(current);
        if (i < 0) {
            throw new IllegalStateException("step " + current + " is not in " + steps);
        }
        return i + 1 < steps.size() ? steps.get(i + 1) : null;
    }

    public String toJson() {
        JsonArrayBuilder s = Json.createArrayBuilder();
        steps.forEach(step -> s.add(step.name()));
        return Json.createObjectBuilder()
                .add("steps", s)
                .add("channel", channel.name())
                .add("requester", requester == null ? "" : requester)
                .build()
                .toString();
    }

    public static RequestData parse(String json) {
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            JsonObject o = r.readObject();
            List<Step> steps = o.getJsonArray("steps").getValuesAs(JsonString.class).stream()
                    .map(v -> Step.valueOf(v.getString()))
                    .toList();
            String requester = o.getString("requester", "");
            return new RequestData(steps, Channel.valueOf(o.getString("channel")), requester.isEmpty()
                    ? null
                    : requester);
        }
    }
}
