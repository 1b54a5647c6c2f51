package dev.quire.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

class ReadinessTest {

    @Test
    void theWebCountsAsReadyOnlyOnceItAnswersWithSomethingOtherThan404Or503() throws Exception {
        AtomicInteger status = new AtomicInteger(404);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
        try {
            int port = server.getAddress().getPort();
            assertFalse(Readiness.answersHttp("127.0.0.1", port, "/lists"), "404: the war is still deploying");
            status.set(503);
            assertFalse(Readiness.answersHttp("127.0.0.1", port, "/lists"), "503: not yet serving");
            status.set(401);
            assertTrue(Readiness.answersHttp("127.0.0.1", port, "/lists"), "any other answer: deployed");
            status.set(200);
            assertTrue(Readiness.answersHttp("127.0.0.1", port, "/lists"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void nothingListeningIsNotReady() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        assertFalse(Readiness.answersHttp("127.0.0.1", port, "/lists"));
        assertFalse(Readiness.greets("127.0.0.1", port));
    }

    @Test
    void awaitIsReadyWhenEveryCheckHasHeldAndStopsWhenTheChildDies() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        assertEquals(Readiness.Outcome.READY, Readiness.await(Duration.ofSeconds(10), () -> true,
                List.of(() -> true, () -> calls.incrementAndGet() >= 2)));
        assertEquals(2, calls.get(), "a check is asked again until it holds");
        assertEquals(Readiness.Outcome.CHILD_DIED,
                Readiness.await(Duration.ofSeconds(10), () -> false, List.of(() -> false)));
        assertEquals(Readiness.Outcome.TIMED_OUT,
                Readiness.await(Duration.ofMillis(700), () -> true, List.of(() -> false)));
    }
}
