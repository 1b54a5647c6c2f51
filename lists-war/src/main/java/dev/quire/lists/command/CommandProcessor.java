package dev.quire.lists.command;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Runs command lines in order and writes the reply's body: each line quoted, then its result. Unknown
 * commands are answered with a pointer to help; lines past the limit are counted, not run.
 */
@ApplicationScoped
public class CommandProcessor {
    @Inject
    CommandRegistry registry;

    /** Whether a word names a command. */
    public boolean isCommand(String word) {
        return registry.find(word.toLowerCase(Locale.ROOT)).isPresent();
    }

    /** Runs the lines and returns the reply's text. */
    public String run(CommandContext context, CommandLines lines) throws IOException {
        StringBuilder out = new StringBuilder("The results of your email commands to ")
                .append(context.list().address(dev.quire.db.list.ListAddress.Function.REQUEST)).append(":\n\n");
        if (lines.lines().isEmpty()) {
            out.append("No commands were found in your message. Send \"help\" for the list of commands.\n");
        }
        for (String line : lines.lines()) {
            List<String> words = Arrays.asList(line.strip().split("\\s+"));
            String name = words.get(0).toLowerCase(Locale.ROOT);
            out.append("> ").append(line).append('\n');
            java.util.Optional<Command> command = registry.find(name);
            String result = command.isEmpty()
                    ? "Unknown command \"" + name + "\". Send \"help\" for the list of commands."
                    : command.get().execute(context, words.subList(1, words.size()));
            out.append(result.strip()).append("\n\n");
        }
        if (lines.ignored() > 0) {
            out.append("- ").append(lines.ignored()).append(" more line(s) ignored: at most ")
                    .append(CommandLines.MAX_LINES).append(" commands are read from one message.\n\n");
        }
        return out.append("- Done.\n").toString();
    }
}
