package dev.quire.lists.deliverability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The independent verifier: Debian's python3-dkim (dkimpy), given the message and the TXT record that DNS
 * would return for the selector. Prints {@code dkim=True|False} and {@code arc=pass|fail|none reason}.
 */
public final class Dkimpy {
    private static final String SCRIPT = String.join("\n",
            "import sys, dkim",
            "msg = open(sys.argv[1], 'rb').read()",
            "rec = open(sys.argv[2], 'rb').read()",
            "def dns(name, timeout=5):",
            "    return rec",
            "print('dkim=%s' % dkim.verify(msg, dnsfunc=dns))",
            "cv, results, reason = dkim.arc_verify(msg, dnsfunc=dns)",
            "print('arc=%s %s' % (cv.decode() if isinstance(cv, bytes) else cv, reason))",
            "");

    /** Debian's interpreter, where python3-dkim lives (a pyenv python3 on PATH would not see it). */
    private static final String PYTHON = Files.isExecutable(Path.of("/usr/bin/python3"))
            ? "/usr/bin/python3"
            : "python3";

    private Dkimpy() {
    }

    public static String verify(byte[] message, String txtRecord, Path dir) throws IOException, InterruptedException {
        Path msg = dir.resolve("message.eml");
        Path rec = dir.resolve("record.txt");
        Path script = dir.resolve("verify.py");
        Files.write(msg, message);
        Files.writeString(rec, txtRecord, StandardCharsets.US_ASCII);
        Files.writeString(script, SCRIPT);
        Process p = new ProcessBuilder(PYTHON, script.toString(), msg.toString(), rec.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("dkimpy failed (is python3-dkim installed? scripts/install-test-deps.sh): " + out);
        }
        return out;
    }
}
