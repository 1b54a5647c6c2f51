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

    private static final String ARC_SIGN = String.join("\n",
            "import sys, dkim",
            "msg = open(sys.argv[1], 'rb').read()",
            "key = open(sys.argv[2], 'rb').read()",
            "d = sys.argv[3].encode()",
            "sealed = dkim.arc_sign(msg, b'up', d, key, d)",
            "if not sealed: sys.exit('dkimpy made no ARC set')",
            "sys.stdout.buffer.write(b''.join(sealed) + msg)",
            "");

    private Dkimpy() {
    }

    /**
     * The independent sealer: dkimpy's {@code arc_sign} adds its next ARC set (selector {@code up}, d= and
     * authserv-id {@code domain}) for the message's Authentication-Results of {@code domain}, on top of it.
     *
     * @param pkcs1Pem the RSA key as PKCS#1 PEM, which dkimpy reads
     */
    public static byte[] arcSign(byte[] message, String pkcs1Pem, String domain, Path dir) throws IOException,
            InterruptedException {
        Path msg = Files.write(dir.resolve("to-seal.eml"), message);
        Path pem = dir.resolve("key.pem");
        Files.writeString(pem, pkcs1Pem);
        Path script = dir.resolve("arcsign.py");
        Files.writeString(script, ARC_SIGN);
        Process p = new ProcessBuilder(PYTHON, script.toString(), msg.toString(), pem.toString(), domain)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IOException("dkimpy arc_sign failed (python3-dkim and python3-authres installed?"
                    + " scripts/install-test-deps.sh)");
        }
        return out;
    }

    /** A 2048-bit RSA private key as PKCS#1 PEM: its PKCS#8 form without the fixed 26-byte prefix. */
    public static String pkcs1Pem(java.security.PrivateKey key) {
        byte[] pkcs8 = key.getEncoded();
        return "-----BEGIN RSA PRIVATE KEY-----\n" + java.util.Base64.getMimeEncoder(64, new byte[]{'\n'})
                .encodeToString(java.util.Arrays.copyOfRange(pkcs8, 26, pkcs8.length))
                + "\n-----END RSA PRIVATE KEY-----\n";
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
