package dev.quire.mta.delivery.mx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DNS resolver against a real dnsmasq on loopback, serving only the records this test gives it. */
class DnsMxResolverTest {
    private static final Path DNSMASQ = Path.of("/usr/sbin/dnsmasq");

    @TempDir
    Path dir;

    private Process dnsmasq;
    private DnsMxResolver resolver;

    @BeforeEach
    void startDnsmasq() throws Exception {
        assumeTrue(Files.isExecutable(DNSMASQ), "dnsmasq is not installed (scripts/install-test-deps.sh)");
        int port = freePort();
        Path log = dir.resolve("dnsmasq.log");
        dnsmasq = new ProcessBuilder(DNSMASQ.toString(), "--no-daemon", "--port=" + port,
                "--listen-address=127.0.0.1", "--bind-interfaces", "--no-resolv", "--no-hosts",
                "--conf-file=/dev/null", "--pid-file=", "--user=" + System.getProperty("user.name"),
                "--local=/test/",
                "--mx-host=multi.test,mx1.multi.test,10", "--mx-host=multi.test,mx2.multi.test,10",
                "--mx-host=multi.test,backup.multi.test,20",
                "--host-record=mx1.multi.test,127.0.0.11", "--host-record=mx2.multi.test,127.0.0.12,::12",
                "--host-record=implicit.test,127.0.0.5",
                "--dns-rr=nullmx.test,15,000000",
                "--txt-record=noaddress.test,nothing here",
                "--server=/fail.test/127.0.0.1#" + freePort())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.readString(log, StandardCharsets.UTF_8).contains("started")) {
            if (!dnsmasq.isAlive() || System.nanoTime() > deadline) {
                throw new IOException("dnsmasq did not start: " + Files.readString(log, StandardCharsets.UTF_8));
            }
            Thread.sleep(20);
        }
        resolver = DnsMxResolver.servers("127.0.0.1:" + port, Duration.ofSeconds(2));
    }

    @AfterEach
    void stopDnsmasq() throws InterruptedException {
        if (dnsmasq != null) {
            dnsmasq.destroy();
            dnsmasq.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void sortsByPreferenceAndShufflesEqualOnes() throws Exception {
        Set<String> firstHosts = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            List<MxHost> hosts = resolver.resolve("multi.test");
            assertEquals(3, hosts.size());
            assertEquals(List.of(10, 10, 20), hosts.stream().map(MxHost::preference).toList());
            assertEquals(MxHost.of("backup.multi.test", 20), hosts.get(2));
            assertEquals(25, hosts.get(0).port());
            firstHosts.add(hosts.get(0).host());
        }
        assertEquals(Set.of("mx1.multi.test", "mx2.multi.test"), firstHosts, "equal preferences in random order");
    }

    @Test
    void findsTheAddressesOfAnExchangerIpv4First() throws Exception {
        assertEquals(List.of(InetAddress.getByName("127.0.0.11")),
                resolver.addresses(MxHost.of("mx1.multi.test", 10)));
        assertEquals(List.of(InetAddress.getByName("127.0.0.12"), InetAddress.getByName("::12")),
                resolver.addresses(MxHost.of("mx2.multi.test", 10)));
        MxLookupException none = assertThrows(MxLookupException.class,
                () -> resolver.addresses(MxHost.of("backup.multi.test", 20)));
        assertTrue(none.isPermanent());
    }

    @Test
    void aDomainWithoutMxIsItsOwnExchanger() throws Exception {
        assertEquals(List.of(MxHost.of("implicit.test", 0)), resolver.resolve("Implicit.TEST"));
        assertEquals(List.of(InetAddress.getByName("127.0.0.5")), resolver.addresses(MxHost.of("implicit.test", 0)));
    }

    @Test
    void aDomainWithoutMxAndWithoutAddressFails() {
        MxLookupException e = assertThrows(MxLookupException.class, () -> resolver.resolve("noaddress.test"));
        assertTrue(e.isPermanent());
        assertTrue(e.getMessage().startsWith("550 5.1.2 "), e.getMessage());
    }

    @Test
    void nullMxFailsPermanently() {
        MxLookupException e = assertThrows(MxLookupException.class, () -> resolver.resolve("nullmx.test"));
        assertTrue(e.isPermanent());
        assertEquals("556 5.1.10 Recipient address has null MX", e.getMessage());
    }

    @Test
    void nxdomainFailsPermanently() {
        MxLookupException e = assertThrows(MxLookupException.class, () -> resolver.resolve("nowhere.test"));
        assertTrue(e.isPermanent());
        assertTrue(e.getMessage().startsWith("550 5.1.2 Host or domain name not found"), e.getMessage());
    }

    @Test
    void aFailingUpstreamIsTemporary() {
        MxLookupException e = assertThrows(MxLookupException.class, () -> resolver.resolve("fail.test"));
        assertFalse(e.isPermanent(), e.getMessage());
        assertTrue(e.getMessage().startsWith("451 4.4.3 "), e.getMessage());
    }

    @Test
    void aSilentServerIsTemporary() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            DnsMxResolver mute = DnsMxResolver.servers("127.0.0.1:" + silent.getLocalPort(), Duration.ofMillis(300));
            MxLookupException e = assertThrows(MxLookupException.class, () -> mute.resolve("multi.test"));
            assertFalse(e.isPermanent());
            assertEquals(e.outcome().status(), dev.quire.mta.delivery.Outcome.Status.RETRY);
        }
    }

    @Test
    void serverListsAreIpAddressesOnly() {
        assertThrows(IllegalArgumentException.class, () -> DnsMxResolver.servers("dns.example", Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> DnsMxResolver.servers("127.0.0.1:99999",
                Duration.ofSeconds(1)));
        DnsMxResolver.servers("127.0.0.1, [::1]:5353, ::1", Duration.ofSeconds(1));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
