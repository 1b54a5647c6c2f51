package dev.quire.cli.run;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The options of {@code quire run}.
 *
 * @param demo       seed the demo domain, list and members after migrating
 * @param configFile the {@code --config} file, if given
 * @param help       only print the usage
 */
public record RunArguments(boolean demo, Optional<Path> configFile, boolean help) {

    static final String USAGE = """
            Usage: quire run [--demo] [--config FILE]

              --demo          create the demo domain, list and members (once) and print the site admin password
              --config FILE   read quire.* keys from FILE instead of ./quire.properties
              --help          show this help
            """;

    /** Parses the arguments after {@code run}; throws {@link IllegalArgumentException} on anything unknown. */
    public static RunArguments parse(String... args) {
        boolean demo = false;
        boolean help = false;
        Optional<Path> configFile = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--demo")) {
                demo = true;
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
        return new RunArguments(demo, configFile, help);
    }
}
