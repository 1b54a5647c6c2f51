package dev.quire.mta.delivery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.quire.mail.EmailAddress;
import dev.quire.mta.spool.MessageBody;

/**
 * Delivers a message to a command, as sendmail's prog mailer behind smrsh: only commands whose program is
 * on the allow-list run; the command line is split into words without a shell, so nothing in an address
 * can be interpolated; the message goes to standard input; envelope data goes in environment variables
 * (SENDER, RECIPIENT, ORIGINAL_RECIPIENT, QUEUE_ID). Exit 0 is delivered, 75 (EX_TEMPFAIL) and a timeout
 * are retried, any other status fails, as sendmail maps sysexits.
 */
public final class PipeAgent {
    static final int EX_TEMPFAIL = 75;

    private final Set<Path> allowed;
    private final Duration timeout;

    public PipeAgent(Set<Path> allowedPrograms, Duration timeout) {
        this.allowed = Set.copyOf(allowedPrograms);
        this.timeout = timeout;
    }

    /** Runs the command with the message on standard input. */
    public Outcome deliver(String commandLine, MessageBody message, Map<String, String> environment) {
        List<String> argv = words(commandLine);
        if (argv.isEmpty()) {
            return Outcome.failed("550 5.3.0 empty pipe command");
        }
        Path program = Path.of(argv.get(0));
        if (!program.isAbsolute() || !allowed.contains(program.normalize())) {
            return Outcome.failed("550 5.7.1 command not allowed: " + argv.get(0)
                    + " (add it to quire.pipe.allowed)");
        }
        Process p = null;
        try {
            ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
            pb.environment().clear();
            pb.environment().put("PATH", "/usr/bin:/bin");
            pb.environment().putAll(environment);
            p = pb.start();
            Process process = p;
            Thread feeder = new Thread(() -> feed(message, process), "quire-pipe-feed");
            feeder.start();
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            Thread reader = new Thread(() -> drain(process.getInputStream(), output), "quire-pipe-output");
            reader.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return Outcome.retry("451 4.3.0 command timed out after " + timeout.toSeconds() + " s: " + argv.get(0));
            }
            feeder.join(1000);
            reader.join(1000);
            int status = process.exitValue();
            String said;
            synchronized (output) {
                said = output.toString(StandardCharsets.UTF_8).strip();
            }
            String detail = argv.get(0) + " exited " + status + (said.isEmpty() ? "" : ": " + firstLine(said));
            if (status == 0) {
                return Outcome.delivered("delivered to command " + argv.get(0));
            }
            return status == EX_TEMPFAIL ? Outcome.retry("451 4.3.0 " + detail) : Outcome.failed("550 5.3.0 " + detail);
        } catch (IOException e) {
            return Outcome.retry("451 4.3.0 cannot run " + argv.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return Outcome.retry("451 4.3.0 interrupted");
        }
    }

    private static void feed(MessageBody message, Process process) {
        try (InputStream in = message.open(); OutputStream out = process.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // the command stopped reading; its exit status decides the outcome
        }
    }

    /** Reads everything the command prints (so it never blocks on a full pipe) and keeps the first 4 KB. */
    private static void drain(InputStream in, ByteArrayOutputStream keep) {
        byte[] buf = new byte[4096];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                synchronized (keep) {
                    if (keep.size() < 4096) {
                        keep.write(buf, 0, Math.min(n, 4096 - keep.size()));
                    }
                }
            }
        } catch (IOException e) {
            // the process ended; what was read is enough for the log
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    /** Splits a command line into words: whitespace separates, double or single quotes group; no expansion. */
    static List<String> words(String commandLine) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (char c : commandLine.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            out.add(word.toString());
        }
        return out;
    }

    /** The environment a command gets for one recipient. */
    public static Map<String, String> environment(EmailAddress sender, EmailAddress recipient, EmailAddress original,
            String queueId) {
        return Map.of("SENDER", sender == null ? "" : sender.toString(), "RECIPIENT", recipient.toString(),
                "ORIGINAL_RECIPIENT", original.toString(), "QUEUE_ID", queueId);
    }
}
