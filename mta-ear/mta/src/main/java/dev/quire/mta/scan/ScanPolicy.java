package dev.quire.mta.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One listener's content filter at the end of DATA: clamd first (a virus is rejected with 554), then spamd for
 * messages no larger than the spam size limit (over the reject score: 550; from the header score on:
 * X-Spam-Score and X-Spam-Report). A scanner that fails defers the message (451) unless the listener fails open,
 * in which case it is accepted with {@code X-Quire-Scan: skipped (scanner unavailable)}.
 */
public final class ScanPolicy {
    private static final Logger LOG = Logger.getLogger(ScanPolicy.class.getName());
    static final ScanVerdict.Defer UNAVAILABLE = new ScanVerdict.Defer(451, "4.7.1",
            "Content scanner unavailable, try again later");
    static final String SKIPPED = "X-Quire-Scan: skipped (scanner unavailable)";

    private final SpamdClient spamd;
    private final ClamdClient clamd;
    private final long spamMaxSize;
    private final double addHeadersAt;
    private final double rejectAbove;
    private final boolean failOpen;

    /** A policy over the given scanners; either may be null (not configured). */
    public ScanPolicy(SpamdClient spamd, ClamdClient clamd, long spamMaxSize, double addHeadersAt,
            double rejectAbove, boolean failOpen) {
        this.spamd = spamd;
        this.clamd = clamd;
        this.spamMaxSize = spamMaxSize;
        this.addHeadersAt = addHeadersAt;
        this.rejectAbove = rejectAbove;
        this.failOpen = failOpen;
    }

    public static ScanPolicy of(ScanSettings s) {
        SpamdClient spamd = s.spamdHost() == null
                ? null
                : new SpamdClient(s.spamdHost(), s.spamdPort(), s.connectTimeout(), s.timeout(),
                        SpamdClient.Command.REPORT);
        ClamdClient clamd = s.clamdHost() == null
                ? null
                : new ClamdClient(s.clamdHost(), s.clamdPort(), s.connectTimeout(), s.timeout(), s.clamdMaxLength());
        return new ScanPolicy(spamd, clamd, s.spamMaxSize(), s.addHeadersAt(), s.rejectAbove(), s.failOpen());
    }

    /**
     * Scans the message stored (complete, CRLF line ends) in {@code messageFile}.
     *
     * @throws IOException when the message file itself cannot be read; scanner failures are verdicts
     */
    public ScanVerdict evaluate(Path messageFile) throws IOException {
        long size = Files.size(messageFile);
        boolean skipped = false;
        List<String> headers = new ArrayList<>();
        if (clamd != null) {
            try {
                VirusResult virus = clamd.scan(messageFile);
                if (virus.infected()) {
                    return new ScanVerdict.Reject(554, "5.7.1", "Message rejected: virus " + virus.name() + " found");
                }
            } catch (IOException e) {
                if (!failOpen) {
                    return unavailable(clamd, e);
                }
                skipped = skipped(clamd, e);
            }
        }
        if (spamd != null && size <= spamMaxSize) {
            try {
                SpamResult spam = spamd.check(messageFile);
                if (spam.score() > rejectAbove) {
                    return new ScanVerdict.Reject(550, "5.7.1",
                            "Message rejected as spam (score " + SpamHeaders.score(spam.score()) + ")");
                }
                if (spam.score() >= addHeadersAt) {
                    headers.addAll(SpamHeaders.render(spam));
                }
            } catch (IOException e) {
                if (!failOpen) {
                    return unavailable(spamd, e);
                }
                skipped = skipped(spamd, e);
            }
        }
        if (skipped) {
            headers.add(SKIPPED);
        }
        return new ScanVerdict.Accept(headers);
    }

    private static ScanVerdict unavailable(Object scanner, IOException e) {
        LOG.log(Level.WARNING, "{0} failed, deferring the message: {1}", new Object[]{scanner, e.toString()});
        return UNAVAILABLE;
    }

    private static boolean skipped(Object scanner, IOException e) {
        LOG.log(Level.WARNING, "{0} failed, accepting the message unscanned: {1}", new Object[]{scanner, e.toString()});
        return true;
    }
}
