package dev.quire.mta.routing.table;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One admin-edited file and the value parsed from it. The file's mtime, size and identity are checked at most
 * once per check interval; when they changed the whole file is read and parsed, and the new value replaces the
 * old one in a single reference swap, so a reader sees either the old table or the new one. A file that does not
 * parse keeps the previous good value and is reported once per change as a warning with {@code file:line}; a
 * missing file yields the "missing" value (an empty table).
 */
final class WatchedFile<T> {
    private static final Logger LOG = Logger.getLogger(WatchedFile.class.getName());

    /** Parses the lines of the file (line terminators removed; line {@code i} is number {@code i + 1}). */
    @FunctionalInterface
    interface Parser<T> {
        T parse(List<String> lines) throws TableSyntaxException;
    }

    private record Stamp(FileTime modified, long size, Object fileKey) {
        static final Stamp MISSING = new Stamp(FileTime.fromMillis(0), -1, null);
    }

    private record State<T>(Stamp stamp, T value, long checkedAt) {
    }

    private final Path path;
    private final long intervalNanos;
    private final Parser<T> parser;
    private final T whenMissing;
    private volatile State<T> state;
    private String lastProblem;

    WatchedFile(Path path, Duration checkInterval, Parser<T> parser, T whenMissing) {
        this.path = Objects.requireNonNull(path, "path");
        this.intervalNanos = checkInterval.toNanos();
        if (intervalNanos < 0) {
            throw new IllegalArgumentException("negative check interval");
        }
        this.parser = Objects.requireNonNull(parser, "parser");
        this.whenMissing = Objects.requireNonNull(whenMissing, "whenMissing");
        synchronized (this) {
            this.state = load(new State<>(null, whenMissing, 0), System.nanoTime());
        }
    }

    Path path() {
        return path;
    }

    /** The current value, re-reading the file first if the check interval has passed and it changed. */
    T get() {
        State<T> s = state;
        long now = System.nanoTime();
        if (now - s.checkedAt() >= intervalNanos) {
            synchronized (this) {
                s = state;
                if (now - s.checkedAt() >= intervalNanos) {
                    s = load(s, now);
                    state = s;
                }
            }
        }
        return s.value();
    }

    private State<T> load(State<T> previous, long now) {
        Stamp stamp;
        try {
            stamp = stamp();
        } catch (IOException e) {
            warn(path + ": cannot read (" + e.getMessage() + "); keeping the previous table");
            return new State<>(previous.stamp(), previous.value(), now);
        }
        if (stamp.equals(previous.stamp())) {
            return new State<>(stamp, previous.value(), now);
        }
        if (stamp == Stamp.MISSING) {
            return new State<>(stamp, whenMissing, now);
        }
        List<String> lines;
        try {
            lines = read();
        } catch (TableSyntaxException e) {
            warn(path + ":" + e.line() + ": " + e.getMessage() + "; keeping the previous table");
            return new State<>(stamp, previous.value(), now);
        } catch (NoSuchFileException e) {
            return new State<>(Stamp.MISSING, whenMissing, now);
        } catch (IOException e) {
            warn(path + ": cannot read (" + e.getMessage() + "); keeping the previous table");
            return new State<>(previous.stamp(), previous.value(), now);
        }
        try {
            T value = parser.parse(lines);
            lastProblem = null;
            return new State<>(stamp, value, now);
        } catch (TableSyntaxException e) {
            warn(path + ":" + e.line() + ": " + e.getMessage() + "; keeping the previous table");
            return new State<>(stamp, previous.value(), now);
        }
    }

    /** Logs a problem once, not again on every check while it persists. */
    private void warn(String problem) {
        if (!problem.equals(lastProblem)) {
            LOG.log(Level.WARNING, problem);
            lastProblem = problem;
        }
    }

    private Stamp stamp() throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            if (!a.isRegularFile()) {
                throw new IOException("not a regular file");
            }
            return new Stamp(a.lastModifiedTime(), a.size(), a.fileKey());
        } catch (NoSuchFileException e) {
            return Stamp.MISSING;
        }
    }

    private List<String> read() throws IOException, TableSyntaxException {
        byte[] bytes = Files.readAllBytes(path);
        List<String> lines = new ArrayList<>();
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int start = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            int stop = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
            try {
                lines.add(decoder.decode(ByteBuffer.wrap(bytes, start, stop - start)).toString());
            } catch (CharacterCodingException e) {
                throw new TableSyntaxException(lines.size() + 1, "not UTF-8 text");
            }
            start = end + 1;
        }
        return lines;
    }
}
