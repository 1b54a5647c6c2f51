package dev.quire.cli;

import dev.quire.cli.admin.AdminCommand;
import dev.quire.cli.archive.ArchiveCommand;
import dev.quire.cli.admin.JobsCommand;
import dev.quire.cli.dkim.DkimCommand;
import dev.quire.cli.run.RunCommand;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * Entry point of the {@code quire} launcher: dispatches to one subcommand and exits with its status.
 */
public final class Quire {

    /** Exit status for a command line that could not be understood. */
    public static final int USAGE_ERROR = 2;

    private static final String USAGE = """
            Usage: quire <command> [options]

            Commands:
              run [--demo] [--quiescent] [--config FILE]
                                             start the whole stack: an embedded MariaDB unless quire.db.url is set,
                                             schema migrations, then Payara Micro with the MTA and the list engine
              verify ADDRESS...              how each address would be delivered, as sendmail -bv prints it
              queue                          how many messages each queue holds
              flush                          every deferred and slow message due now (postqueue -f)
              mailq [QUEUE]                  the queued messages (of one queue: incoming, deferred, slow, hold, ...)
              hold ID... | release ID... | requeue ID... | delete ID...
                                             act on queued messages
              quiesce                        maintenance: listeners answer 421, the queue delivers nothing
              open                           leave maintenance: accept and deliver mail again
              jobs [run NAME [key=value...]] the scheduled jobs' recent runs; run one now and print its result
              sync LIST [--dry-run] [--role R]
                                             synchronise a list's members (or owners, moderators) from its sources
                                             now; --dry-run prints what would change
              sync holds | sync confirm ID   syncs held by the safety valve; confirm one and run it
              addresses [--domain D] [--postfix] [--now]
                                             the valid-address file for upstream relays (--now: regenerate first)
              dkim DOMAIN [--generate]       a list domain's DKIM key: make one, print its DNS TXT record
              archive export LIST [FILE] | archive import LIST FILE
                                             a list's archive as an mbox file (to standard output without FILE),
                                             or an mbox file (a Mailman 2 archive) into it, by the REST API
                                             (these talk to the Quire running with the same configuration)
            Options:
              --help                         show this help (also: quire <command> --help)

            Configuration keys (quire.*) come from built-in defaults, the --config file (else ./quire.properties),
            QUIRE_* environment variables (QUIRE_DB_URL is quire.db.url) and -Dquire.* system properties,
            each overriding the one before.
            """;

    private Quire() {
    }

    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    static int execute(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.print(USAGE);
            return USAGE_ERROR;
        }
        String command = args[0];
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (command) {
            case "--help", "-h", "help" -> {
                out.print(USAGE);
                return 0;
            }
            case "run" -> {
                return new RunCommand(out, err).execute(rest);
            }
            case "verify", "queue", "flush", "quiesce", "open", "mailq", "hold", "release", "requeue", "delete" -> {
                return new AdminCommand(out, err).execute(command, rest);
            }
            case "jobs", "sync", "addresses" -> {
                return new JobsCommand(out, err).execute(command, rest);
            }
            case "dkim" -> {
                return new DkimCommand(out, err).execute(rest);
            }
            case "archive" -> {
                return new ArchiveCommand(out, err).execute(rest);
            }
            default -> {
                err.println("quire: unknown command '" + command + "'");
                err.print(USAGE);
                return USAGE_ERROR;
            }
        }
    }
}
