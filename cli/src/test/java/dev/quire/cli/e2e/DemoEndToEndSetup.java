package dev.quire.cli.e2e;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;

import dev.quire.db.TestDatabase;

/**
 * What the list engine's end-to-end tests on {@code quire run --demo} share (not a test itself): {@link #demo}
 * writes the configuration ({@link DemoConfig}) and keeps what the test talks to; the database is dropped after.
 */
abstract class DemoEndToEndSetup {
    protected DemoConfig demo;
    protected TestDatabase db;
    protected int smtpPort;
    protected int sinkPort;
    protected Path config;
    protected Path data;

    /** Writes the configuration under {@code work}, with {@code extra} {@code key=value} lines. */
    protected void demo(Path work, String... extra) throws Exception {
        demo = DemoConfig.write(work, extra);
        db = demo.db();
        smtpPort = demo.smtpPort();
        sinkPort = demo.sinkPort();
        data = demo.data();
        config = demo.file();
    }

    @AfterEach
    void dropDemoDatabase() throws Exception {
        if (demo != null) {
            demo.close();
        }
    }
}
