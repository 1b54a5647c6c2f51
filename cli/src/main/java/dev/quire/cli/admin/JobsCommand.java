package dev.quire.cli.admin;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.quire.cli.Quire;
import dev.quire.cli.config.Settings;

/**
 * {@code quire jobs} (runs; {@code run NAME [key=value...]}), {@code quire sync LIST [--dry-run] [--role ROLE]},
 * {@code quire sync holds}, {@code quire sync confirm ID} and {@code quire addresses [--domain D] [--postfix]
 * [--now]}: the scheduled jobs, through the running Quire's admin API.
 */
public final class JobsCommand {
    private static final Pattern REQUEST = Pattern.compile("\"request\"\\s*:\\s*\"([^\"]+)\"");
    private static final Duration WAIT = Duration.ofMinutes(10);

    private final PrintStream out;
    private final PrintStream err;

    public JobsCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int execute(String command, String... args) {
        Optional<Path> config = Optional.empty();
        List<String> operands = new ArrayList<>();
        boolean dryRun = false;
        boolean postfix = false;
        boolean now = false;
        String role = null;
        String domain = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--config") && i + 1 < args.length) {
                config = Optional.of(Path.of(args[++i]));
            } else if (a.equals("--role") && i + 1 < args.length) {
                role = args[++i];
            } else if (a.equals("--domain") && i + 1 < args.length) {
                domain = args[++i];
            } else if (a.equals("--dry-run")) {
                dryRun = true;
            } else if (a.equals("--postfix")) {
                postfix = true;
            } else if (a.equals("--now")) {
                now = true;
            } else if (a.startsWith("-")) {
                err.println("quire " + command + ": unknown option '" + a + "'");
                return Quire.USAGE_ERROR;
            } else {
                operands.add(a);
            }
        }
        try {
            AdminClient client = AdminClient.of(Settings.resolve(config, Path.of("").toAbsolutePath(),
                    System.getenv(), System.getProperties()));
            switch (command) {
                case "jobs" -> {
                    if (operands.isEmpty()) {
                        out.println(client.get("jobs", "", List.of(), "application/json"));
                        return 0;
                    }
                    if (operands.size() >= 2 && operands.get(0).equals("run")) {
                        return run(client, operands.get(1), operands.subList(2, operands.size()));
                    }
                    return usage("quire jobs [run NAME [key=value...]]");
                }
                case "sync" -> {
                    if (operands.size() == 1 && operands.get(0).equals("holds")) {
                        out.println(client.get("sync/holds", "", List.of(), "application/json"));
                        return 0;
                    }
                    if (operands.size() == 2 && operands.get(0).equals("confirm")) {
                        return await(client, request(client.post("sync/holds/" + operands.get(1) + "/confirm")));
                    }
                    if (operands.size() != 1) {
                        return usage(
                                "quire sync LIST [--dry-run] [--role member|owner|moderator] | holds | confirm ID");
                    }
                    List<String> params = new ArrayList<>(List.of("list=" + operands.get(0)));
                    if (dryRun) {
                        params.add("dry-run=true");
                    }
                    if (role != null) {
                        params.add("role=" + role);
                    }
                    return run(client, "membership-sync", params);
                }
                case "addresses" -> {
                    if (now) {
                        int status = run(client, "address-file", List.of());
                        if (status != 0) {
                            return status;
                        }
                    }
                    String path = "addresses?format=" + (postfix ? "postfix" : "plain")
                            + (domain == null ? "" : "&domain=" + encode(domain));
                    out.print(client.get(path, "", List.of(), "text/plain"));
                    return 0;
                }
                default -> throw new IllegalArgumentException(command);
            }
        } catch (IOException | RuntimeException e) {
            err.println("quire " + command + ": " + e.getMessage());
            return 1;
        }
    }

    private int usage(String text) {
        err.println("usage: " + text);
        return Quire.USAGE_ERROR;
    }

    /** Asks for a run and prints it once finished; exit 0 when it ended OK, 1 otherwise. */
    private int run(AdminClient client, String job, List<String> params) throws IOException {
        StringBuilder path = new StringBuilder("jobs/" + encode(job) + "/run");
        for (int i = 0; i < params.size(); i++) {
            path.append(i == 0 ? '?' : '&').append("param=").append(encode(params.get(i)));
        }
        return await(client, request(client.post(path.toString())));
    }

    private int await(AdminClient client, String request) throws IOException {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            try {
                String text = client.get("jobs/requests/" + request, "", List.of(), "text/plain");
                if (!text.startsWith("RUNNING")) {
                    out.print(text);
                    return text.startsWith("OK") ? 0 : 1;
                }
            } catch (IOException e) {
                if (!e.getMessage().contains(" 404")) {
                    throw e;
                }
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        err.println("still running after " + WAIT.toMinutes() + " minutes; see quire jobs (request " + request + ")");
        return 1;
    }

    private static String request(String json) throws IOException {
        Matcher m = REQUEST.matcher(json);
        if (!m.find()) {
            throw new IOException("unexpected answer: " + json);
        }
        return m.group(1);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
