package dev.quire.lists.command;

import java.io.IOException;
import java.util.List;

/** One email command. Each is a CDI bean, found by its names. */
public interface Command {
    /** The words that invoke it, lower case, the main one first ({@code subscribe}, {@code join}). */
    List<String> names();

    /** How to write it, for help: {@code subscribe [address]}. */
    String usage();

    /** What it does, one line, for help. */
    String description();

    /**
     * Runs the command for the sender and returns the result as the reply shows it (one or more lines).
     * A wrong argument is a result, not an exception; an exception means try the whole message again.
     */
    String execute(CommandContext context, List<String> args) throws IOException;
}
