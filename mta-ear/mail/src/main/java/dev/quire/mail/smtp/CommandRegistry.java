package dev.quire.mail.smtp;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/** Maps a command line's verb to its {@link Command}; unknown verbs get {@code 500 5.5.2}. */
final class CommandRegistry {

    static final Reply UNKNOWN = new Reply(500, "5.5.2", "Error: command not recognized");

    private final Map<String, Command> commands;

    private CommandRegistry(Map<String, Command> commands) {
        this.commands = Map.copyOf(commands);
    }

    /**
     * The verbs Quire speaks; HELO/EHLO and LHLO check the session's mode themselves. MAIL, VRFY and AUTH are wrapped
     * in the TLS requirement and MAIL in the AUTH requirement; the wrappers pass through when the configuration does
     * not ask for them, so one registry serves every listener.
     */
    static CommandRegistry standard() {
        return new CommandRegistry(Map.ofEntries(Map.entry("HELO", new HeloCommand()),
                Map.entry("EHLO", new EhloCommand()), Map.entry("LHLO", new LhloCommand()),
                Map.entry("MAIL", new RequireTlsCommand(new RequireAuthCommand(new MailCommand()))),
                Map.entry("RCPT", new RcptCommand()), Map.entry("DATA", new DataCommand()),
                Map.entry("BDAT", new BdatCommand()), Map.entry("RSET", new RsetCommand()),
                Map.entry("NOOP", new NoopCommand()), Map.entry("QUIT", new QuitCommand()),
                Map.entry("VRFY", new RequireTlsCommand(new VrfyCommand())), Map.entry("HELP", new HelpCommand()),
                Map.entry("STARTTLS", new StartTlsCommand()),
                Map.entry("AUTH", new RequireTlsCommand(new AuthCommand()))));
    }

    /** Splits the verb off a command line (CRLF already removed) and runs it. */
    void dispatch(String line, Session session) throws IOException {
        int space = line.indexOf(' ');
        String verb = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
        String argument = space < 0 ? "" : line.substring(space + 1).strip();
        Command command = commands.get(verb);
        if (command == null) {
            session.error(UNKNOWN);
        } else {
            command.execute(argument, session);
        }
    }
}
