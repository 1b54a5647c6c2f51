package dev.quire.lists.deliverability.dmarc;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the DMARC policy that applies to mail from a domain: the record at {@code _dmarc.<domain>}, else the
 * one at the closest parent that has one (its {@code sp=}, or {@code p=} when there is no {@code sp=}),
 * walking up to the second-level name. Answers are cached for an hour; a failed lookup is no policy and is
 * not cached.
 */
public final class DmarcLookup {
    private static final Duration TTL = Duration.ofHours(1);

    private final TxtLookup dns;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Optional<DmarcPolicy> policy, Instant until) {
    }

    public DmarcLookup(TxtLookup dns, Clock clock) {
        this.dns = dns;
        this.clock = clock;
    }

    /** The policy for the author domain, or empty when it publishes none (or DNS did not answer). */
    public Optional<DmarcPolicy> policy(String domain) throws IOException {
        String d = domain.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        Cached c = cache.get(d);
        if (c != null && c.until().isAfter(clock.instant())) {
            return c.policy();
        }
        Optional<DmarcPolicy> found = walk(d);
        cache.put(d, new Cached(found, clock.instant().plus(TTL)));
        return found;
    }

    private Optional<DmarcPolicy> walk(String domain) throws IOException {
        String name = domain;
        boolean exact = true;
        while (name.indexOf('.') > 0) {
            Optional<Map<String, String>> record = record(name);
            if (record.isPresent()) {
                Map<String, String> tags = record.get();
                String p = exact ? tags.get("p") : tags.getOrDefault("sp", tags.get("p"));
                return Optional.ofNullable(parse(p));
            }
            name = name.substring(name.indexOf('.') + 1);
            exact = false;
        }
        return Optional.empty();
    }

    private Optional<Map<String, String>> record(String name) throws IOException {
        List<String> records = dns.txt("_dmarc." + name).stream()
                .filter(r -> r.strip().regionMatches(true, 0, "v=DMARC1", 0, 8))
                .toList();
        if (records.size() != 1) {
            return Optional.empty();
        }
        return Optional.of(tags(records.get(0)));
    }

    static Map<String, String> tags(String record) {
        Map<String, String> tags = new HashMap<>();
        for (String tag : record.split(";")) {
            int eq = tag.indexOf('=');
            if (eq > 0) {
                tags.put(tag.substring(0, eq).strip().toLowerCase(Locale.ROOT), tag.substring(eq + 1).strip());
            }
        }
        return tags;
    }

    private static DmarcPolicy parse(String p) {
        if (p == null) {
            return null;
        }
        switch (p.toLowerCase(Locale.ROOT)) {
            case "reject" :
                return DmarcPolicy.REJECT;
            case "quarantine" :
                return DmarcPolicy.QUARANTINE;
            case "none" :
                return DmarcPolicy.NONE;
            default :
                return null;
        }
    }
}
