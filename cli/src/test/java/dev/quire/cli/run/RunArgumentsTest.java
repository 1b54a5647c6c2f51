package dev.quire.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunArgumentsTest {

    @Test
    void noOptions() {
        RunArguments arguments = RunArguments.parse();

        assertFalse(arguments.demo());
        assertEquals(Optional.empty(), arguments.configFile());
    }

    @Test
    void demoAndConfig() {
        RunArguments arguments = RunArguments.parse("--demo", "--config", "/etc/quire.properties");

        assertTrue(arguments.demo());
        assertEquals(Optional.of(Path.of("/etc/quire.properties")), arguments.configFile());
        assertEquals(Optional.of(Path.of("q.properties")), RunArguments.parse("--config=q.properties").configFile());
    }

    @Test
    void unknownOrIncompleteOptionsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> RunArguments.parse("--quiet"));
        assertThrows(IllegalArgumentException.class, () -> RunArguments.parse("--config"));
    }
}
