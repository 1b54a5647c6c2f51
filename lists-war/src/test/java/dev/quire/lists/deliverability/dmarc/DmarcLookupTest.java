package dev.quire.lists.deliverability.dmarc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DmarcLookupTest {
    private final List<String> asked = new ArrayList<>();
    private final TxtLookup table = new StaticTxtLookup(Map.of(
            "_dmarc.example.org", List.of("v=DMARC1; p=none; sp=reject"),
            "_dmarc.corp.example.net", List.of("v=DMARC1;p=quarantine"),
            "_dmarc.example.net", List.of("v=DMARC1; p=reject"),
            "_dmarc.spf-only.test", List.of("v=spf1 -all")), name -> {
                asked.add(name);
                return List.of();
            });

    @Test
    void theAuthorDomainsOwnRecordWins() throws IOException {
        DmarcLookup lookup = new DmarcLookup(table, Clock.systemUTC());
        assertEquals(Optional.of(DmarcPolicy.NONE), lookup.policy("example.org"));
        assertEquals(Optional.of(DmarcPolicy.QUARANTINE), lookup.policy("corp.example.net"));
    }

    @Test
    void aSubdomainWithoutARecordGetsTheParentsSubdomainPolicy() throws IOException {
        DmarcLookup lookup = new DmarcLookup(table, Clock.systemUTC());
        assertEquals(Optional.of(DmarcPolicy.REJECT), lookup.policy("mail.example.org"));
        assertEquals(Optional.of(DmarcPolicy.REJECT), lookup.policy("a.b.example.net"));
    }

    @Test
    void noRecordMeansNoPolicyAndTopLevelDomainsAreNotAsked() throws IOException {
        DmarcLookup lookup = new DmarcLookup(table, Clock.systemUTC());
        assertEquals(Optional.empty(), lookup.policy("spf-only.test"));
        assertEquals(Optional.empty(), lookup.policy("Mail.Nowhere.TEST."));
        assertEquals(List.of("_dmarc.mail.nowhere.test", "_dmarc.nowhere.test"), asked);
        lookup.policy("mail.nowhere.test");
        assertEquals(2, asked.size(), "answers are cached");
    }
}
