package dev.quire.cli.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.quire.db.TestDatabase;

/**
 * The {@code quire.properties} of one end-to-end test's {@code quire run --demo}: a database of its own on
 * the test MariaDB server, free ports for every listener (submission and implicit TLS off), the hostname
 * {@code mx.quire.test}, and a smarthost port where the test can start Postfix's smtp-sink. Closing it drops
 * the database.
 *
 * @param db the test's database
 * @param smtpPort the MX listener
 * @param sinkPort the smarthost (nothing listens there until the test starts a sink)
 * @param data the data directory
 * @param file the configuration file, for {@code --config}
 */
record DemoConfig(TestDatabase db, int smtpPort, int sinkPort, Path data, Path file) implements AutoCloseable {
    /** Writes the configuration under {@code work}, with {@code extra} {@code key=value} lines after the common ones. */
    static DemoConfig write(Path work, String... extra) throws Exception {
        TestDatabase db = TestDatabase.create();
        int smtpPort = FreePorts.next();
        int sinkPort = FreePorts.next();
        Path data = work.resolve("var");
        Path file = work.resolve("quire.properties");
        List<String> lines = new ArrayList<>(List.of(
                "quire.data.dir=" + data,
                "quire.db.url=" + db.url(),
                "quire.db.user=" + TestDatabase.user(),
                "quire.db.password=" + TestDatabase.password(),
                "quire.hostname=mx.quire.test",
                "quire.smtp.port=" + smtpPort,
                "quire.submission.port=-1",
                "quire.smtps.port=-1",
                "quire.internal.port=" + FreePorts.next(),
                "quire.lmtp.port=" + FreePorts.next(),
                "quire.http.port=" + FreePorts.next(),
                "quire.smarthost=127.0.0.1:" + sinkPort));
        lines.addAll(List.of(extra));
        lines.add("");
        Files.writeString(file, String.join("\n", lines));
        return new DemoConfig(db, smtpPort, sinkPort, data, file);
    }

    @Override
    public void close() throws Exception {
        db.close();
    }
}
