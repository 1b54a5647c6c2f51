package dev.quire.mta.smtpd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quire.mail.EmailAddress;
import dev.quire.mail.smtp.Reply;

class RecipientPolicyTest {
    private static final EmailAddress ELSEWHERE = EmailAddress.parse("victim@elsewhere.test");

    @Test
    void unknownDomainFromAnUntrustedClientIsRelayDenied() throws Exception {
        RecipientPolicy p = new RecipientPolicy(List.of(new PermitNetworks(new NetworkList(List.of("10.0.0.0/8"))),
                new RejectRelay()));
        Reply r = p.evaluate(InetAddress.getByName("127.0.0.1"), ELSEWHERE);
        assertEquals(554, r.code());
        assertEquals("5.7.1", r.enhancedStatus());
        assertEquals(250, p.evaluate(InetAddress.getByName("10.1.1.1"), ELSEWHERE).code());
    }

    @Test
    void firstDecisiveVerdictWins() throws Exception {
        Reply defer = new Reply(451, "4.3.0", "later");
        RecipientPolicy p = new RecipientPolicy(List.of((c, r) -> Verdict.DUNNO, (c, r) -> new Verdict.Defer(defer),
                (c, r) -> Verdict.OK, new RejectRelay()));
        assertEquals(defer, p.evaluate(InetAddress.getByName("127.0.0.1"), ELSEWHERE));
    }

    @Test
    void aPolicyMustEndInRejection() {
        assertThrows(IllegalArgumentException.class, () -> new RecipientPolicy(List.of((c, r) -> Verdict.OK)));
    }
}
