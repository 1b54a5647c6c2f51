package dev.quire.mta.smtpd;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

class NetworkListTest {
    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    @Test
    void matchesCidrPrefixes() throws Exception {
        NetworkList n = new NetworkList(List.of("127.0.0.0/8", "128.2.204.94", "192.168.10.0/23", "::1/128"));
        assertTrue(n.contains(ip("127.1.2.3")));
        assertTrue(n.contains(ip("128.2.204.94")));
        assertFalse(n.contains(ip("128.2.204.95")));
        assertTrue(n.contains(ip("192.168.11.200")));
        assertFalse(n.contains(ip("192.168.12.1")));
        assertTrue(n.contains(ip("::1")));
        assertFalse(n.contains(ip("::2")));
        assertFalse(n.contains(ip("10.0.0.1")));
    }

    @Test
    void emptyListTrustsNobody() throws Exception {
        assertFalse(new NetworkList(List.of()).contains(ip("127.0.0.1")));
        assertFalse(new NetworkList(List.of(" ")).contains(ip("127.0.0.1")));
    }

    @Test
    void refusesHostNamesAndBadPrefixes() {
        assertThrows(IllegalArgumentException.class, () -> new NetworkList(List.of("localhost")));
        assertThrows(IllegalArgumentException.class, () -> new NetworkList(List.of("10.0.0.0/33")));
    }
}
