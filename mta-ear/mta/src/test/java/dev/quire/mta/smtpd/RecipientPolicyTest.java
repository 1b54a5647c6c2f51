package dev.quire.mta.smtpd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.quire.mail.EmailAddress;
import dev.quire.mail.smtp.Reply;

/** The relay checks that need no database, in the order a listener runs them. */
class RecipientPolicyTest {
    private static final EmailAddress ELSEWHERE = EmailAddress.parse("victim@elsewhere.test");

    private static RecipientRequest from(String ip, String user) throws Exception {
        return new RecipientRequest(InetAddress.getByName(ip), Optional.ofNullable(user), ELSEWHERE);
    }

    private static RecipientPolicy mx(String trusted, String relayClientIp) {
        NetworkList networks = new NetworkList(List.of(trusted));
        return new RecipientPolicy(List.of(new PermitNetworks(() -> networks,
                c -> c.getHostAddress().equals(relayClientIp)), new PermitAuthenticated(), new RejectRelay()));
    }

    @Test
    void untrustedUnauthenticatedClientsCannotRelay() throws Exception {
        Reply r = mx("10.0.0.0/8", "192.0.2.7").evaluate(from("127.0.0.1", null));
        assertEquals(554, r.code());
        assertEquals("5.7.1", r.enhancedStatus());
        assertEquals("554 5.7.1 Relay access denied", r.toWire());
    }

    @Test
    void trustedNetworksRelayClientsAndAuthenticatedUsersMayRelay() throws Exception {
        RecipientPolicy p = mx("10.0.0.0/8", "192.0.2.7");
        assertEquals(250, p.evaluate(from("10.1.1.1", null)).code(), "trusted network");
        assertEquals(250, p.evaluate(from("192.0.2.7", null)).code(), "client-access RELAYCLIENT");
        assertEquals(250, p.evaluate(from("203.0.113.9", "jdoe")).code(), "SMTP AUTH");
        assertEquals(554, p.evaluate(from("203.0.113.9", null)).code());
    }

    @Test
    void firstDecisiveVerdictWins() throws Exception {
        Reply defer = new Reply(451, "4.3.0", "later");
        RecipientPolicy p = new RecipientPolicy(List.of(r -> Verdict.DUNNO, r -> new Verdict.Defer(defer),
                r -> Verdict.OK, new RejectRelay()));
        assertEquals(defer, p.evaluate(from("127.0.0.1", null)));
    }

    @Test
    void aPolicyMustEndInRejection() {
        assertThrows(IllegalArgumentException.class, () -> new RecipientPolicy(List.of(r -> Verdict.OK)));
    }

    @Test
    void theInternalListenerTrustsTheListEnginesNetworkForAnyRecipientAndNoOneElse() throws Exception {
        RecipientPolicy internal = SmtpdService.internalPolicy(new NetworkList(List.of("127.0.0.0/8")));
        EmailAddress member = EmailAddress.parse("member@remote.test");
        EmailAddress local = EmailAddress.parse("nobody@example.test");
        assertEquals("250 2.1.5 Ok", internal.evaluate(new RecipientRequest(InetAddress.getByName("127.0.0.1"),
                Optional.empty(), member)).toWire());
        assertEquals("250 2.1.5 Ok", internal.evaluate(new RecipientRequest(InetAddress.getByName("127.0.0.1"),
                Optional.empty(), local)).toWire(), "routed at DATA, refused there in a DSN");
        assertEquals("554 5.7.1 Relay access denied", internal.evaluate(new RecipientRequest(
                InetAddress.getByName("192.0.2.7"), Optional.empty(), member)).toWire());
    }
}
