package dev.quire.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes {@link EmailAddress#parse(String, boolean)}: only {@link InvalidAddressException} may escape, and whatever is
 * accepted must survive a round trip through its string form. Each input is tried as UTF-8 and as UTF-16 (which
 * reaches lone surrogates), in both modes. Plain builds replay the seeds in {@code EmailAddressFuzzTestInputs}.
 */
class EmailAddressFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void parse(byte[] input) {
        for (String candidate : new String[]{new String(input, StandardCharsets.UTF_8),
                new String(input, StandardCharsets.UTF_16BE)}) {
            roundTrip(candidate, false);
            roundTrip(candidate, true);
        }
    }

    private static void roundTrip(String candidate, boolean utf8) {
        EmailAddress address;
        try {
            address = EmailAddress.parse(candidate, utf8);
        } catch (InvalidAddressException e) {
            return;
        }
        EmailAddress again = EmailAddress.parse(address.toString(), utf8);
        assertEquals(address, again);
        assertEquals(address.toString(), again.toString());
        assertEquals(address.mailbox(), again.localPart() + "@" + again.domain());
    }
}
