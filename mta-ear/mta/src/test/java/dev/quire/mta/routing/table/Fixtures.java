package dev.quire.mta.routing.table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import dev.quire.mail.EmailAddress;

/** Real files for the table tests: scenario trees copied from test resources, and edits as an admin makes them. */
final class Fixtures {
    private Fixtures() {
    }

    /** Copies {@code src/test/resources/routing/<scenario>} into {@code dir} and returns {@code dir}. */
    static Path scenario(String scenario, Path dir) {
        URL url = Fixtures.class.getResource("/routing/" + scenario);
        if (url == null) {
            throw new IllegalStateException("no test resource routing/" + scenario);
        }
        try (Stream<Path> files = Files.walk(Path.of(url.toURI()))) {
            Path root = Path.of(url.toURI());
            for (Path source : files.toList()) {
                Path target = dir.resolve(root.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes a table file as an editor would, creating its directory. When the file existed, its mtime is moved
     * forward so the edit is seen even on file systems with coarse timestamps.
     */
    static Path write(Path file, String... lines) {
        try {
            Files.createDirectories(file.getParent());
            FileTime before = Files.exists(file) ? Files.getLastModifiedTime(file) : null;
            Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
            if (before != null) {
                Files.setLastModifiedTime(file, FileTime.fromMillis(before.toMillis() + 2000));
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static EmailAddress addr(String mailbox) {
        return EmailAddress.parse(mailbox);
    }

    static AliasTarget.Address to(String mailbox) {
        return new AliasTarget.Address(addr(mailbox));
    }

    /** Collects the warnings the table files log while it is open. */
    static final class Warnings extends Handler implements AutoCloseable {
        private final Logger logger;
        private final List<String> messages = new ArrayList<>();

        Warnings(Class<?> source) {
            logger = Logger.getLogger(source.getName());
            logger.addHandler(this);
        }

        @Override
        public synchronized void publish(LogRecord record) {
            messages.add(record.getMessage());
        }

        synchronized List<String> messages() {
            return List.copyOf(messages);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
        }
    }
}
