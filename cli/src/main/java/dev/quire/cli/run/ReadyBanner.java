package dev.quire.cli.run;

import dev.quire.cli.config.Settings;
import java.nio.file.Path;

/**
 * The text printed once the stack answers: where the data lives, the addresses to use and, with {@code --demo}, the
 * demo list and how to post to it.
 */
public final class ReadyBanner {

    private ReadyBanner() {
    }

    public static String render(Settings settings, boolean demo) {
        Path data = settings.dataDir();
        String smtp = settings.require(Settings.SMTP_BIND) + ":" + settings.port(Settings.SMTP_PORT);
        StringBuilder text = new StringBuilder();
        text.append("Quire is running (data in ").append(data).append(")\n");
        text.append("  SMTP (MX)     ").append(smtp).append('\n');
        text.append("  HTTP          http://localhost:").append(settings.port(Settings.HTTP_PORT)).append("/\n");
        if (demo) {
            text.append("  Demo list     demo@lists.example.test (members alice@example.test, bob@example.test,"
                    + " carol@remote.test)\n");
            text.append("  Mailboxes     ").append(data.resolve("mail").resolve("example.test"))
                    .append("/{alice,bob}/\n");
            text.append("Post a first message:\n");
            text.append("  swaks --server ")
                    .append(Readiness.connectHost(settings.require(Settings.SMTP_BIND)))
                    .append(':')
                    .append(settings.port(Settings.SMTP_PORT))
                    .append(" --from alice@example.test --to demo@lists.example.test --header 'Subject: hello'\n");
        }
        if (settings.get("quire.quiescent").filter("true"::equalsIgnoreCase).isPresent()) {
            text.append("Quiescent: every listener answers 421 and the queue delivers nothing.\n");
            text.append("  Check routing with `quire verify ADDRESS...`, then accept mail with `quire open`.\n");
        }
        text.append("Stop with Ctrl-C.\n");
        return text.toString();
    }
}
