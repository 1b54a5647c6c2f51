package dev.quire.mail.smtp;

import java.io.IOException;
import java.util.concurrent.ThreadFactory;
import java.util.function.UnaryOperator;

/** Starts servers on an ephemeral loopback port for tests. */
final class TestServers {

    static final ThreadFactory DAEMONS = r -> {
        Thread t = new Thread(r, "smtp-test");
        t.setDaemon(true);
        return t;
    };

    private TestServers() {
    }

    static SmtpServer start(MessageHandlerFactory factory, UnaryOperator<SmtpServerConfig.Builder> settings)
            throws IOException {
        SmtpServer server = new SmtpServer(settings.apply(SmtpServerConfig.builder().hostname("mx.test.example"))
                .build(), factory, DAEMONS);
        server.start();
        return server;
    }
}
