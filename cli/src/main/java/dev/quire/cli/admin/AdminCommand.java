package dev.quire.cli.admin;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.quire.cli.Quire;
import dev.quire.cli.config.Settings;

/**
 * {@code quire verify ADDRESS...} (like {@code sendmail -bv}; exit 67, EX_NOUSER, when an address is not
 * deliverable), {@code quire queue}, {@code quire mailq}, {@code quire hold|release|requeue|delete ID...},
 * {@code quire quiesce} and {@code quire open}.
 */
public final class AdminCommand {
    static final int EX_NOUSER = 67;

    private final PrintStream out;
    private final PrintStream err;

    public AdminCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int execute(String command, String... args) {
        Optional<Path> config = Optional.empty();
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                config = Optional.of(Path.of(args[++i]));
            } else if (args[i].startsWith("--config=")) {
                config = Optional.of(Path.of(args[i].substring("--config=".length())));
            } else if (args[i].startsWith("-")) {
                err.println("quire " + command + ": unknown option '" + args[i] + "'");
                return Quire.USAGE_ERROR;
            } else {
                operands.add(args[i]);
            }
        }
        boolean takesIds = List.of("verify", "hold", "release", "requeue", "delete").contains(command);
        boolean optional = command.equals("mailq");
        if (!optional && takesIds == operands.isEmpty()) {
            err.println(takesIds
                    ? "usage: quire " + command + " [--config FILE] " + (command.equals("verify")
                            ? "ADDRESS..."
                            : "QUEUE-ID...")
                    : "usage: quire " + command + " [--config FILE]");
            return Quire.USAGE_ERROR;
        }
        try {
            Settings settings = Settings.resolve(config, Path.of("").toAbsolutePath(), System.getenv(),
                    System.getProperties());
            AdminClient client = AdminClient.of(settings);
            return switch (command) {
                case "verify" -> verify(client, operands);
                case "queue" -> print(client.get("queue", "", List.of(), "application/json"));
                case "quiesce" -> print(client.put("quiescent", "true"));
                case "open" -> print(client.put("quiescent", "false"));
                case "flush" -> print(client.post("queue/flush"));
                case "mailq" -> print(client.get("queue/messages", "queue", operands, "application/json"));
                case "hold" -> each(client, operands, id -> client.post("queue/messages/" + id + "/hold"));
                case "release", "requeue" -> each(client, operands,
                        id -> client.post("queue/messages/" + id + "/requeue"));
                case "delete" -> each(client, operands, id -> client.delete("queue/messages/" + id));
                default -> throw new IllegalArgumentException(command);
            };
        } catch (IOException | RuntimeException e) {
            err.println("quire " + command + ": " + e.getMessage());
            return 1;
        }
    }

    private int verify(AdminClient client, List<String> addresses) throws IOException {
        String lines = client.get("verify", "address", addresses, "text/plain");
        out.print(lines);
        boolean allDeliverable = lines.lines().allMatch(l -> l.contains("... deliverable: "));
        return allDeliverable ? 0 : EX_NOUSER;
    }

    /** An action on one queue id at a time. */
    @FunctionalInterface
    private interface Action {
        String on(String id) throws IOException;
    }

    private int each(AdminClient client, List<String> ids, Action action) {
        int status = 0;
        for (String id : ids) {
            try {
                out.println(action.on(id));
            } catch (IOException e) {
                err.println(id + ": " + e.getMessage());
                status = 1;
            }
        }
        return status;
    }

    private int print(String body) {
        out.println(body);
        return 0;
    }
}
