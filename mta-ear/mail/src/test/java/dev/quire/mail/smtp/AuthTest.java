package dev.quire.mail.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** AUTH PLAIN and LOGIN over a raw socket (allowAuthWithoutTls), the requirements and the failure throttle. */
class AuthTest {

    private static final String GOOD_PLAIN = "AHUAcA=="; // "\0u\0p"
    private static final String BAD_PLAIN = "AHUAd3Jvbmc="; // "\0u\0wrong"

    private final RecordingHandlerFactory handlers = new RecordingHandlerFactory();
    private final AtomicInteger calls = new AtomicInteger();
    private final Authenticator counting = (user, password, client) -> {
        calls.incrementAndGet();
        return TlsClientsTest.USER_U.authenticate(user, password, client);
    };
    private SmtpServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    private Wire open(UnaryOperator<SmtpServerConfig.Builder> settings) throws IOException {
        server = TestServers.start(handlers, b -> settings.apply(b.authenticator(counting).allowAuthWithoutTls(true)
                .authFailureDelay(Duration.ZERO)));
        Wire wire = Wire.open(server.port());
        assertTrue(wire.command("EHLO client.example").contains("AUTH PLAIN LOGIN"));
        return wire;
    }

    @Test
    void plainWithInitialResponseSucceedsOnceAndIsReported() throws IOException, InterruptedException {
        try (Wire wire = open(b -> b)) {
            assertEquals("235 2.7.0 Authentication successful", wire.command("AUTH PLAIN " + GOOD_PLAIN));
            assertEquals("503 5.5.1 Error: already authenticated", wire.command("AUTH PLAIN " + GOOD_PLAIN));
            assertEquals("250 2.1.0 Ok", wire.command("MAIL FROM:<a@example.org>"));
        }
        assertEquals("u", handlers.lastContext.authenticatedUser().orElseThrow());
    }

    @Test
    void plainWithChallengeAndWrongPassword() throws IOException {
        try (Wire wire = open(b -> b)) {
            assertEquals("334", wire.command("AUTH PLAIN"));
            assertEquals("535 5.7.8 Authentication credentials invalid", wire.command(BAD_PLAIN));
            assertEquals("334", wire.command("auth plain"));
            assertEquals("235 2.7.0 Authentication successful", wire.command(GOOD_PLAIN));
        }
    }

    @Test
    void plainWithForeignAuthorizationIdentityFails() throws IOException {
        try (Wire wire = open(b -> b)) {
            assertEquals("535 5.7.8 Authentication credentials invalid", wire.command("AUTH PLAIN eAB1AHA="));
            assertEquals("501 5.5.2 Invalid PLAIN response", wire.command("AUTH PLAIN dQBw"));
        }
        assertEquals(0, calls.get(), "the authenticator is not asked for a foreign authzid");
    }

    @Test
    void loginChallengeFlow() throws IOException {
        try (Wire wire = open(b -> b)) {
            assertEquals("334 VXNlcm5hbWU6", wire.command("AUTH LOGIN"));
            assertEquals("334 UGFzc3dvcmQ6", wire.command("dQ=="));
            assertEquals("235 2.7.0 Authentication successful", wire.command("cA=="));
        }
    }

    @Test
    void loginWithInitialUserName() throws IOException {
        try (Wire wire = open(b -> b)) {
            assertEquals("334 UGFzc3dvcmQ6", wire.command("AUTH LOGIN dQ=="));
            assertEquals("535 5.7.8 Authentication credentials invalid", wire.command("d3Jvbmc="));
        }
    }

    @Test
    void cancelBadBase64AndUnknownMechanism() throws IOException {
        try (Wire wire = open(b -> b)) {
            assertEquals("334 VXNlcm5hbWU6", wire.command("AUTH LOGIN"));
            assertEquals("501 5.0.0 Authentication cancelled", wire.command("*"));
            assertEquals("334", wire.command("AUTH PLAIN"));
            assertEquals("501 5.0.0 Authentication cancelled", wire.command("*"));
            assertEquals("501 5.5.2 Cannot decode response", wire.command("AUTH PLAIN !!notbase64"));
            assertEquals("334", wire.command("AUTH PLAIN"));
            assertEquals("501 5.5.2 Cannot decode response", wire.command("A=B="));
            assertEquals("504 5.5.4 Unrecognized authentication type", wire.command("AUTH CRAM-MD5"));
            assertEquals("501 5.5.4 Syntax: AUTH mechanism [initial-response]", wire.command("AUTH"));
            assertEquals("235 2.7.0 Authentication successful", wire.command("AUTH PLAIN " + GOOD_PLAIN));
        }
        assertEquals(1, calls.get());
    }

    @Test
    void authNeedsEhloAndNoOpenTransaction() throws IOException {
        server = TestServers.start(handlers, b -> b.authenticator(counting).allowAuthWithoutTls(true));
        try (Wire wire = Wire.open(server.port())) {
            assertEquals("503 5.5.1 Error: send EHLO first", wire.command("AUTH PLAIN " + GOOD_PLAIN));
            wire.command("EHLO client.example");
            wire.command("MAIL FROM:<a@example.org>");
            assertEquals("503 5.5.1 Error: MAIL transaction in progress", wire.command("AUTH PLAIN " + GOOD_PLAIN));
        }
    }

    @Test
    void failuresFromOneAddressAreDelayedThenRefusedAcrossSessions() throws IOException {
        server = TestServers.start(handlers, b -> b.authenticator(counting).allowAuthWithoutTls(true)
                .maxAuthFailures(3).authFailureDelay(Duration.ofMillis(200)));
        for (int session = 0; session < 3; session++) {
            try (Wire wire = Wire.open(server.port())) {
                wire.command("EHLO client.example");
                long start = System.nanoTime();
                assertEquals("535 5.7.8 Authentication credentials invalid", wire.command("AUTH PLAIN " + BAD_PLAIN));
                assertTrue(System.nanoTime() - start >= Duration.ofMillis(150).toNanos(), "failure is delayed");
            }
        }
        try (Wire wire = Wire.open(server.port())) {
            wire.command("EHLO client.example");
            assertEquals("454 4.7.0 Too many failed authentication attempts; try later",
                    wire.command("AUTH PLAIN " + GOOD_PLAIN));
        }
        assertEquals(3, calls.get(), "the throttled attempt never reaches the authenticator");
    }

    @Test
    void temporaryFailureAndAuthenticatorCrashAre454() throws IOException {
        server = TestServers.start(handlers, b -> b.allowAuthWithoutTls(true).authenticator((u, p, c) -> {
            if (u.equals("boom")) {
                throw new IllegalStateException("directory down");
            }
            return new AuthResult.TemporaryFailure("directory busy");
        }));
        try (Wire wire = Wire.open(server.port())) {
            wire.command("EHLO client.example");
            assertEquals("454 4.7.0 Temporary authentication failure", wire.command("AUTH PLAIN " + GOOD_PLAIN));
            assertEquals("454 4.7.0 Temporary authentication failure", wire.command("AUTH PLAIN AGJvb20AcA=="));
        }
    }

    @Test
    void requireAuthRefusesMailUntilAuthenticated() throws IOException {
        try (Wire wire = open(b -> b.requireAuth(true))) {
            assertEquals("530 5.7.0 Authentication required", wire.command("MAIL FROM:<a@example.org>"));
            assertEquals("235 2.7.0 Authentication successful", wire.command("AUTH PLAIN " + GOOD_PLAIN));
            assertEquals("250 2.1.0 Ok", wire.command("MAIL FROM:<a@example.org>"));
        }
    }

    @Test
    void authWithoutTlsIsRefusedUnlessAllowed() throws IOException {
        server = TestServers.start(handlers, b -> b.authenticator(counting));
        try (Wire wire = Wire.open(server.port())) {
            assertTrue(!wire.command("EHLO client.example").contains("AUTH"));
            assertEquals("538 5.7.11 Encryption required for requested authentication mechanism",
                    wire.command("AUTH PLAIN " + GOOD_PLAIN));
        }
        assertEquals(0, calls.get());
    }

    @Test
    void authIsUnknownWithoutAnAuthenticator() throws IOException {
        server = TestServers.start(handlers, b -> b);
        try (Wire wire = Wire.open(server.port())) {
            wire.command("EHLO client.example");
            assertEquals("502 5.5.1 Error: authentication not enabled", wire.command("AUTH PLAIN " + GOOD_PLAIN));
        }
    }
}
