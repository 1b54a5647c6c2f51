package dev.quire.cli.run;

import dev.quire.cli.Quire;
import dev.quire.cli.config.Settings;
import dev.quire.cli.config.SystemPropertiesFile;
import dev.quire.db.DemoData;
import dev.quire.db.Migrations;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code quire run}: configuration, database, schema, Payara Micro, readiness, then wait. Each step is delegated;
 * this class only sequences them and reports to the terminal.
 */
public final class RunCommand {

    private static final Logger LOG = Logger.getLogger(RunCommand.class.getName());
    static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final int LOG_TAIL_LINES = 40;
    private static final long TAIL_BYTES = 64 * 1024;

    private final PrintStream out;
    private final PrintStream err;

    public RunCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs the stack until it stops; returns the exit status for the launcher. */
    public int execute(String... args) {
        RunArguments arguments;
        try {
            arguments = RunArguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("quire run: " + e.getMessage());
            err.print(RunArguments.USAGE);
            return Quire.USAGE_ERROR;
        }
        if (arguments.help()) {
            out.print(RunArguments.USAGE);
            return 0;
        }
        Settings settings;
        Distribution distribution;
        try {
            distribution = Distribution.ofRunningLauncher();
            settings = Settings.resolve(arguments.configFile(), Path.of("").toAbsolutePath(), System.getenv(),
                    System.getProperties());
            if (arguments.quiescent()) {
                settings = settings.with("quire.quiescent", "true");
            }
            settings.checkPorts();
            distribution.verify();
            FileLogging.to(launcherLog(settings));
        } catch (IOException | RuntimeException e) {
            err.println("quire run: " + e.getMessage());
            return 1;
        }
        RunningStack stack = new RunningStack();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopOnSignal(stack), "quire-shutdown"));
        try {
            return run(arguments, settings, distribution, stack);
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "quire run failed", e);
            err.println("quire run: " + e + " (details in " + launcherLog(settings) + ")");
            stack.stop();
            return 1;
        } finally {
            stack.finish();
        }
    }

    private static Path launcherLog(Settings settings) {
        return settings.dataDir().resolve("log").resolve("quire.log");
    }

    private int run(RunArguments arguments, Settings resolved, Distribution distribution, RunningStack stack)
            throws Exception {
        Settings settings = resolved;
        Path data = settings.dataDir();
        Path logs = data.resolve("log");

        if (settings.get(Settings.DB_URL).filter(url -> !url.isBlank()).isEmpty()) {
            int port = settings.port(Settings.DB_EMBEDDED_PORT);
            out.println("Starting the embedded MariaDB on 127.0.0.1:" + port + " ...");
            EmbeddedDatabase database = EmbeddedDatabase.start(data, port);
            stack.database(database);
            DatabaseCredentials credentials = DatabaseCredentials.loadOrCreate(
                    data.resolve(DatabaseCredentials.FILE_NAME));
            database.provision(credentials);
            settings = settings.with(Settings.DB_URL, database.jdbcUrl())
                    .with(Settings.DB_USER, credentials.user())
                    .with(Settings.DB_PASSWORD, credentials.password());
        }
        String url = settings.require(Settings.DB_URL);
        String user = settings.get(Settings.DB_USER).orElse("");
        String password = settings.get(Settings.DB_PASSWORD).orElse("");
        out.println("Migrating the schema ...");
        Migrations.migrate(url, user, password);
        if (arguments.demo()) {
            Optional<String> adminPassword = DemoData.seed(url, user, password);
            adminPassword.ifPresent(pw -> out.println("Site admin: admin  password: " + pw + "  (shown only once)"));
            if (settings.get("quire.mx.lookup").isEmpty()) {
                // the demo's remote member waits in the queue until a smarthost is set; nothing leaves by MX
                settings = settings.with("quire.mx.lookup", "false");
            }
        }

        Path systemProperties = data.resolve("run").resolve("system.properties");
        SystemPropertiesFile.write(systemProperties, settings.asMap());
        Path payaraLog = logs.resolve("payara.log");
        out.println("Starting Payara Micro (log: " + payaraLog + ") ...");
        PayaraProcess payara = PayaraProcess.start(distribution, settings, systemProperties, payaraLog);
        stack.payara(payara);

        String smtpHost = Readiness.connectHost(settings.require(Settings.SMTP_BIND));
        int smtpPort = settings.port(Settings.SMTP_PORT);
        int httpPort = settings.port(Settings.HTTP_PORT);
        Path adminToken = data.resolve("run").resolve("admin-token");
        Readiness.Outcome outcome = Readiness.await(READY_TIMEOUT, payara::isAlive,
                List.of(() -> Readiness.greets(smtpHost, smtpPort),
                        () -> Readiness.answersHttp("127.0.0.1", httpPort, "/lists"),
                        () -> Files.exists(adminToken)));
        if (outcome != Readiness.Outcome.READY) {
            err.println(outcome == Readiness.Outcome.CHILD_DIED
                    ? "quire run: Payara Micro stopped before Quire was ready (SMTP on " + smtpHost + ":" + smtpPort
                            + ", the web on port " + httpPort + ")"
                    : "quire run: not ready within " + READY_TIMEOUT.toSeconds() + " s (an SMTP greeting on "
                            + smtpHost + ":" + smtpPort + ", the lists application on port " + httpPort
                            + ", " + adminToken + ")");
            printTail(payaraLog);
            stack.stop();
            return 1;
        }
        out.print(ReadyBanner.render(settings, arguments.demo()));
        out.flush();
        int status = payara.waitFor();
        stack.stop();
        return status;
    }

    private void printTail(Path log) {
        try (SeekableByteChannel channel = Files.newByteChannel(log)) {
            long start = Math.max(0, channel.size() - TAIL_BYTES);
            ByteBuffer buffer = ByteBuffer.allocate((int) (channel.size() - start));
            channel.position(start);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // read the whole tail
            }
            List<String> lines = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).lines()
                    .toList();
            err.println("--- last lines of " + log + " ---");
            lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()).forEach(err::println);
        } catch (IOException e) {
            err.println("(cannot read " + log + ": " + e.getMessage() + ")");
        }
    }

    /**
     * The shutdown hook. Before the main thread has finished, the shutdown comes from a signal: stop the stack (the
     * child may be exiting from the same signal already) and end with status 0, a clean stop. After it has finished,
     * the stack is stopped and the main thread's exit status stands.
     */
    private void stopOnSignal(RunningStack stack) {
        if (stack.isFinished()) {
            return;
        }
        out.println("Stopping Quire ...");
        out.flush();
        stack.stop();
        out.println("Quire stopped.");
        out.flush();
        Runtime.getRuntime().halt(0);
    }
}
