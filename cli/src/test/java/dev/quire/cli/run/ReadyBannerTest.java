package dev.quire.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quire.cli.config.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadyBannerTest {

    private final Settings settings = Settings.of(Map.of(Settings.DATA_DIR, "/abs/var", Settings.SMTP_BIND,
            "127.0.0.1", Settings.SMTP_PORT, "2525", Settings.HTTP_PORT, "8080"));

    @Test
    void demoBanner() {
        assertEquals(
                """
                        Quire is running (data in /abs/var)
                          SMTP (MX)     127.0.0.1:2525
                          HTTP          http://localhost:8080/
                          Demo list     demo@lists.example.test (members alice@example.test, bob@example.test, carol@remote.test)
                          Mailboxes     /abs/var/mail/example.test/{alice,bob}/
                        Post a first message:
                          swaks --server 127.0.0.1:2525 --from alice@example.test --to demo@lists.example.test --header 'Subject: hello'
                        Stop with Ctrl-C.
                        """,
                ReadyBanner.render(settings, true));
    }

    @Test
    void plainBanner() {
        assertEquals("""
                Quire is running (data in /abs/var)
                  SMTP (MX)     127.0.0.1:2525
                  HTTP          http://localhost:8080/
                Stop with Ctrl-C.
                """, ReadyBanner.render(settings, false));
    }

    @Test
    void wildcardBindIsReachedOverLoopback() {
        assertEquals("127.0.0.1", Readiness.connectHost("0.0.0.0"));
        assertEquals("192.0.2.7", Readiness.connectHost("192.0.2.7"));
    }
}
