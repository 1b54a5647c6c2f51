package dev.quire.mta.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.quire.mta.spool.MessageBody;

/** Real commands (/bin/sh, /usr/bin/tee) fed real message files. */
class PipeAgentTest {
    private static final Path SH = Path.of("/bin/sh");

    @TempDir
    Path dir;

    private Path message() throws Exception {
        return Files.writeString(dir.resolve("m.eml"), "Subject: x\r\n\r\nbody\r\n");
    }

    private PipeAgent agent(Duration timeout) {
        return new PipeAgent(Set.of(SH, Path.of("/usr/bin/tee")), timeout);
    }

    @Test
    void theMessageGoesToStandardInputAndTheEnvelopeToTheEnvironment() throws Exception {
        Path out = dir.resolve("out");
        Outcome o = agent(Duration.ofSeconds(10)).deliver(
                "/bin/sh -c 'cat > \"$0\"; echo \"$SENDER $RECIPIENT\" >> \"$0\"' " + out, MessageBody.of(message()),
                Map.of("SENDER", "a@example.test", "RECIPIENT", "rt@example.test"));
        assertEquals(Outcome.Status.DELIVERED, o.status(), o.detail());
        assertEquals("Subject: x\r\n\r\nbody\r\na@example.test rt@example.test\n", Files.readString(out));
    }

    @Test
    void exitStatusesMapAsSendmailDoes() throws Exception {
        assertEquals(Outcome.Status.RETRY, agent(Duration.ofSeconds(10))
                .deliver("/bin/sh -c 'cat >/dev/null; exit 75'", MessageBody.of(message()), Map.of()).status());
        Outcome failed = agent(Duration.ofSeconds(10))
                .deliver("/bin/sh -c 'cat >/dev/null; echo no such queue; exit 67'", MessageBody.of(message()),
                        Map.of());
        assertEquals(Outcome.Status.FAILED, failed.status());
        assertTrue(failed.detail().contains("exited 67: no such queue"), failed.detail());
    }

    @Test
    void commandsOffTheAllowListNeverRun() throws Exception {
        Path marker = dir.resolve("ran");
        Outcome o = agent(Duration.ofSeconds(10)).deliver("/usr/bin/touch " + marker, MessageBody.of(message()),
                Map.of());
        assertEquals(Outcome.Status.FAILED, o.status());
        assertTrue(Files.notExists(marker));
        assertEquals(Outcome.Status.FAILED,
                agent(Duration.ofSeconds(10)).deliver("sh -c true", MessageBody.of(message()), Map.of())
                        .status(),
                "relative programs are refused");
    }

    @Test
    void noShellInterpretsTheCommandLine() throws Exception {
        Path injected = dir.resolve("injected");
        Outcome o = agent(Duration.ofSeconds(10)).deliver("/bin/sh -c 'cat >/dev/null' ; touch " + injected
                + " && touch " + injected, MessageBody.of(message()), Map.of());
        assertEquals(Outcome.Status.DELIVERED, o.status(), o.detail());
        assertTrue(Files.notExists(injected), "';', 'touch' and '&&' are arguments, never a second command");
    }

    @Test
    void aHangingCommandIsKilledAndRetried() throws Exception {
        long start = System.nanoTime();
        Outcome o = agent(Duration.ofMillis(500)).deliver("/bin/sh -c 'sleep 30'", MessageBody.of(message()), Map.of());
        assertEquals(Outcome.Status.RETRY, o.status());
        assertTrue(o.detail().contains("timed out"));
        assertTrue(System.nanoTime() - start < 10_000_000_000L);
    }

    @Test
    void wordsSplitWithoutAShell() {
        assertEquals(List.of("/usr/bin/x", "-a", "b c", "$HOME", "d'e"),
                PipeAgent.words("/usr/bin/x -a 'b c' $HOME \"d'e\""));
    }
}
