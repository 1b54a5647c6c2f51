package dev.quire.mta.smtpd;

import java.util.List;

import dev.quire.mail.smtp.Reply;

/** A listener's ordered recipient checks; the first OK, DEFER or REJECT decides. */
public final class RecipientPolicy {
    private static final Reply OK = Reply.ok("2.1.5", "Ok");

    private final List<RecipientCheck> checks;

    public RecipientPolicy(List<RecipientCheck> checks) {
        if (checks.isEmpty() || !(checks.get(checks.size() - 1) instanceof RejectRelay)) {
            throw new IllegalArgumentException("a recipient policy must end with reject-relay");
        }
        this.checks = List.copyOf(checks);
    }

    public Reply evaluate(RecipientRequest request) {
        for (RecipientCheck check : checks) {
            Verdict v = check.check(request);
            if (v instanceof Verdict.Ok) {
                return OK;
            }
            if (v instanceof Verdict.Defer d) {
                return d.reply();
            }
            if (v instanceof Verdict.Reject r) {
                return r.reply();
            }
        }
        throw new IllegalStateException("unreachable: the policy ends with reject-relay");
    }
}
