package dev.quire.cli.run;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The options of {@code quire run}.
 *
 * @param demo       seed the demo domain, list and members after migrating
 * @param configFile the {@code --config} file, if given
 * @param quiescent  start in quiescent mode: listeners answer 421 and the queue holds its mail until {@code quire open}
 * @param help       only print the usage
 */
public record RunArguments(boolean demo, Optional<Path> configFile, boolean help, boolean quiescent) {

    static final String USAGE = """
            Usage: quire run [--demo] [--quiescent] [--config FILE]

              --demo          create the demo domain, list and members (once) and print the site admin password
              --quiescent     start in maintenance: every listener answers 421 and nothing is delivered
                              until `quire open` (for a restored host: check with `quire verify` first)
              --config FILE   read quire.* keys from FILE instead of ./quire.properties
              --help          show this help
            """;

    /** Parses the arguments after {@code run}; throws {@link IllegalArgumentException} on anything unknown. */
    public static RunArguments parse(String... args) {
        boolean demo = false;
        boolean help = false;
        boolean quiescent = false;
        Optional<Path> configFile = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--demo")) {
                demo = true;
            } else if (arg.equals("--quiescent")) {
                quiescent = true;
            } else if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
            } else if (arg.equals("--config")) {
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException("--config needs a file name");
                }
                configFile = Optional.of(Path.of(args[++i]));
            } else if (arg.startsWith("--config=")) {
                configFile = Optional.of(Path.of(arg.substring("--config=".length())));
            } else {
                throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
        }
        return new RunArguments(demo, configFile, help, quiescent);
    }
}
