package dev.quire.lists.deliverability.arc;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.quire.lists.message.MailMessage;

/**
 * The ARC sets a message carries (RFC 8617 section 4.1), by instance: each an ARC-Authentication-Results,
 * ARC-Message-Signature and ARC-Seal field as received. {@link #problem()} names what makes the chain
 * structurally invalid (a missing, duplicate or unnumbered field, a gap, more than 50 sets).
 * SECURITY: parses untrusted header fields; nothing here trusts a value before the signatures are checked.
 */
public final class ArcChain {
    /** RFC 8617 section 4.2.1: at most 50 sets. */
    public static final int MAX_INSTANCES = 50;
    static final String AAR = "ARC-Authentication-Results";
    static final String AMS = "ARC-Message-Signature";
    static final String AS = "ARC-Seal";

    /** One ARC set's three raw fields. */
    record Set(String aar, String ams, String seal) {
    }

    private final TreeMap<Integer, Map<String, String>> fields = new TreeMap<>();
    private String problem;

    private ArcChain() {
    }

    /** The chain of a message (empty when it has no ARC fields). */
    public static ArcChain of(MailMessage message) {
        ArcChain chain = new ArcChain();
        for (String name : new String[]{AAR, AMS, AS}) {
            for (String raw : message.rawFields(name)) {
                chain.add(name, raw);
            }
        }
        chain.check();
        return chain;
    }

    private void add(String name, String raw) {
        int instance = instance(Tags.parse(raw.substring(raw.indexOf(':') + 1)).get("i"));
        if (instance < 1) {
            problem = problem == null ? name + " without a valid i= tag" : problem;
            return;
        }
        Map<String, String> set = fields.computeIfAbsent(instance, k -> new LinkedHashMap<>());
        if (set.putIfAbsent(name, raw) != null) {
            problem = problem == null ? "two " + name + " fields with i=" + instance : problem;
        }
    }

    private static int instance(String value) {
        try {
            return value == null ? -1 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void check() {
        if (problem != null || fields.isEmpty()) {
            return;
        }
        if (fields.lastKey() > MAX_INSTANCES) {
            problem = "more than " + MAX_INSTANCES + " ARC sets";
            return;
        }
        for (int i = 1; i <= fields.lastKey(); i++) {
            Map<String, String> set = fields.get(i);
            if (set == null || set.size() != 3) {
                problem = "ARC set " + i + " is incomplete";
                return;
            }
        }
    }

    /** True when the message has no ARC field at all. */
    public boolean isEmpty() {
        return fields.isEmpty() && problem == null;
    }

    /** The highest instance present, 0 for none. */
    public int newest() {
        return fields.isEmpty() ? 0 : fields.lastKey();
    }

    /** Why the chain is structurally invalid, or null when it is well formed. */
    public String problem() {
        return problem;
    }

    /** One complete set of a well-formed chain. */
    Set set(int instance) {
        Map<String, String> f = fields.get(instance);
        return new Set(f.get(AAR), f.get(AMS), f.get(AS));
    }

    /** The value of an ARC-Seal's cv= tag, lower case. */
    String cv(int instance) {
        String seal = set(instance).seal();
        String cv = Tags.parse(seal.substring(seal.indexOf(':') + 1)).get("cv");
        return cv == null ? "" : cv.strip().toLowerCase(Locale.ROOT);
    }
}
