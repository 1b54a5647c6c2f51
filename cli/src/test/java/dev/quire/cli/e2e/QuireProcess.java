package dev.quire.cli.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.opentest4j.AssertionFailedError;

/** The built distribution's {@code bin/quire run}, started and stopped as a user does. */
final class QuireProcess implements AutoCloseable {
    static final Path LAUNCHER = Path.of("target", "quire", "bin", "quire").toAbsolutePath();

    private final Process process;
    private final Path output;
    private final long offset;

    private QuireProcess(Process process, Path output, long offset) {
        this.process = process;
        this.output = output;
        this.offset = offset;
    }

    /** Starts {@code quire run} with the arguments and waits for its "Quire is running" banner. */
    static QuireProcess start(Path workDir, Path output, String... args) throws Exception {
        long offset = Files.exists(output) ? Files.size(output) : 0;
        List<String> cmd = new java.util.ArrayList<>(List.of(LAUNCHER.toString(), "run"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
        QuireProcess q = new QuireProcess(p, output, offset);
        try {
            Poll.until("quire run to print its banner", Duration.ofSeconds(240),
                    () -> q.output().contains("Quire is running") || !p.isAlive());
            if (!p.isAlive()) {
                throw new AssertionFailedError("quire run exited with " + p.exitValue() + ":\n" + q.output());
            }
        } catch (Exception | AssertionFailedError e) {
            q.close();
            throw e;
        }
        return q;
    }

    /** Quire's own log lines (not the container's) from a data directory, for failure messages. */
    static String logOf(Path dataDir) throws IOException {
        Path log = dataDir.resolve("log").resolve("payara.log");
        if (!Files.exists(log)) {
            return "(no " + log + ")";
        }
        List<String> lines = Files.readAllLines(log, java.nio.charset.StandardCharsets.ISO_8859_1).stream()
                .filter(l -> l.contains("dev.quire") || l.contains("SEVERE") || l.contains("Exception"))
                .map(l -> l.replaceAll("\\[tid:.*?levelValue: \\d+\\]", ""))
                .toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    }

    /** What this run printed (the file may hold earlier runs too). */
    String output() throws IOException {
        if (!Files.exists(output)) {
            return "";
        }
        byte[] all = Files.readAllBytes(output);
        return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Stops it as Ctrl-C or a service manager would (SIGTERM) and waits for a clean exit. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor();
            throw new AssertionFailedError("quire run did not stop within 90 s of SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }
}
