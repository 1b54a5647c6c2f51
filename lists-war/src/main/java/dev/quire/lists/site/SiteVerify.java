package dev.quire.lists.site;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import dev.quire.lists.security.Account;
import dev.quire.lists.security.ListRights;

/** {@code verify ADDRESS} as {@code quire verify} answers it (sendmail -bv), asked of the MTA's router. */
@ApplicationScoped
public class SiteVerify {
    @Inject
    ListRights rights;

    @Inject
    MtaAdminClient mta;

    /** One line of the answer: the address, whether it is deliverable, and the router's sentence. */
    public record Verdict(String address, boolean deliverable, String line) {
    }

    public List<Verdict> verify(Account caller, String address) {
        rights.requireSiteAdmin(caller);
        String a = address == null ? "" : address.strip();
        if (a.isEmpty() || a.length() > 254 || a.chars().anyMatch(c -> Character.isISOControl(c) || c == ' ')) {
            throw SiteRefusal.invalid("address", "give one address, such as jdoe or jdoe@example.org");
        }
        MtaAdminClient.Answer answer = mta.get("verify?address=" + URLEncoder.encode(a, StandardCharsets.UTF_8));
        if (answer.status() == 400) {
            throw SiteRefusal.invalid("address", answer.error());
        }
        List<Verdict> out = new ArrayList<>();
        if (answer.json() != null && answer.json().getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue v : answer.json().asJsonArray()) {
                JsonObject o = v.asJsonObject();
                out.add(new Verdict(o.getString("address", a), o.getBoolean("deliverable", false),
                        o.getString("line", "")));
            }
        }
        return out;
    }
}
