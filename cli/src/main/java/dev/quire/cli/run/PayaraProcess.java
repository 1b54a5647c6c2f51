package dev.quire.cli.run;

import dev.quire.cli.config.Settings;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Payara Micro running both wars in a child JVM. Its output is appended to a log file; the terminal stays quiet.
 */
public final class PayaraProcess {

    static final String LOGGING_FILE = "logging.properties";
    private static final String LOGGING_FILE_RESOURCE = "payara-logging.properties";

    private final Process process;

    private PayaraProcess(Process process) {
        this.process = process;
    }

    /**
     * The child's command line: {@code java <quire.java.options> -jar payara-micro.jar --nocluster --port <http>
     * --rootdir <data>/payara --deploy <each war> --systemproperties <file> --logproperties <file>}, with the
     * launcher's classes appended to the boot class path for the log formatter.
     */
    static List<String> command(Path java, Distribution distribution, Settings settings, Path systemProperties,
            Path logProperties, Path formatterClassPath) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        for (String option : settings.get(Settings.JAVA_OPTIONS).orElse("").trim().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        // the log formatter (LogLineFormatter) is loaded by JUL from the system class path, which -jar fixes
        command.add("-Xbootclasspath/a:" + formatterClassPath);
        command.addAll(List.of("-jar", distribution.payaraMicroJar().toString(), "--nocluster",
                "--port", Integer.toString(settings.port(Settings.HTTP_PORT)),
                "--rootdir", settings.dataDir().resolve("payara").toString()));
        for (Path war : distribution.wars()) {
            command.add("--deploy");
            command.add(war.toString());
        }
        command.add("--systemproperties");
        command.add(systemProperties.toString());
        command.add("--logproperties");
        command.add(logProperties.toString());
        return command;
    }

    /**
     * Starts the child with the JVM that runs the launcher, output appended to {@code log}, and the logging
     * configuration written beside the system properties.
     */
    public static PayaraProcess start(Distribution distribution, Settings settings, Path systemProperties, Path log)
            throws IOException {
        Path logProperties = systemProperties.resolveSibling(LOGGING_FILE);
        writeLoggingProperties(logProperties);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path rootDir = settings.dataDir().resolve("payara");
        clear(rootDir);
        Files.createDirectories(rootDir);
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command(java, distribution, settings, systemProperties, logProperties,
                launcherClassPath()))
                .directory(settings.dataDir().toFile())
                .redirectInput(Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true)
                .start();
        return new PayaraProcess(process);
    }

    /** Where the launcher's classes are: its jar in a distribution. */
    static Path launcherClassPath() throws IOException {
        try {
            return Path.of(LogLineFormatter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException | RuntimeException e) {
            throw new IOException("cannot tell where the launcher's classes are: " + e.getMessage(), e);
        }
    }

    /**
     * Payara Micro's logging: its own configuration with {@link LogLineFormatter}, one plain line per record,
     * instead of the ODL formatter with ANSI colours (docs/benchmarks.md).
     */
    static void writeLoggingProperties(Path file) throws IOException {
        try (java.io.InputStream in = PayaraProcess.class.getResourceAsStream(LOGGING_FILE_RESOURCE)) {
            if (in == null) {
                throw new IOException("the launcher lacks its resource " + LOGGING_FILE_RESOURCE);
            }
            Files.createDirectories(file.getParent());
            Files.write(file, in.readAllBytes());
        }
    }

    /**
     * Payara Micro keeps the applications of its last run in its root directory and deploys them again
     * before the {@code --deploy} ones: the directory is scratch space, emptied before every start.
     */
    static void clear(Path rootDir) throws IOException {
        if (!Files.exists(rootDir)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(rootDir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Waits for the child to end by itself and returns its exit status. */
    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /** Asks the child to stop (SIGTERM), and kills it if it has not stopped within {@code grace}. */
    public void stop(Duration grace) throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
