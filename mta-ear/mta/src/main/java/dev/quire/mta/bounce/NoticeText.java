package dev.quire.mta.bounce;

import static dev.quire.mta.bounce.FieldText.CRLF;

import java.util.List;

/** The human-readable first part of a notification: what happened, then one paragraph per recipient. */
final class NoticeText {
    private static final int WIDTH = 76;
    private static final String INDENT = "    ";

    private NoticeText() {
    }

    /** The explanation for a report whose most serious action is {@code worst}. */
    static String compose(String reportingMta, Action worst, List<DsnRecipient> recipients) {
        StringBuilder out = new StringBuilder();
        out.append("This is the mail system at host ").append(reportingMta).append('.').append(CRLF).append(CRLF);
        out.append(FieldText.wrap(intro(worst), "", WIDTH)).append(CRLF);
        out.append("                   The mail system").append(CRLF);
        for (DsnRecipient r : recipients) {
            out.append(CRLF).append(FieldText.wrap("<" + r.finalRecipient().mailbox() + ">: " + outcome(r), "", WIDTH));
            String diagnostic = FieldText.oneLine(r.diagnostic());
            if (diagnostic != null) {
                String remote = FieldText.oneLine(r.remoteMta());
                String said = remote == null ? "The reply was: " : "Host " + remote + " said: ";
                out.append(FieldText.wrap(said + diagnostic, INDENT, WIDTH));
            }
        }
        return out.toString();
    }

    private static String intro(Action worst) {
        if (worst == Action.FAILED) {
            return "I'm sorry to have to inform you that your message could not be delivered to one or more "
                    + "recipients. The reasons are below, and your message, or its header section, is attached. "
                    + "For further assistance, please send mail to postmaster and include this report.";
        }
        if (worst == Action.DELAYED) {
            return "This is a warning only; you do not need to resend your message. Delivery to the recipients "
                    + "below has been delayed, and the mail system will keep trying until the time given for each.";
        }
        return "Your message was delivered to the destinations listed below. A mailbox delivery is final; a list, "
                + "alias or system that does not report deliveries may still send you notices of its own.";
    }

    private static String outcome(DsnRecipient r) {
        String status = " (status " + r.status() + ")";
        if (r.action() == Action.FAILED) {
            return "delivery failed" + status + ".";
        }
        if (r.action() == Action.DELAYED) {
            return "delivery delayed" + status
                    + (r.willRetryUntil() == null
                            ? "."
                            : "; still trying until " + FieldText.date(r.willRetryUntil())
                                    + ".");
        }
        if (r.action() == Action.RELAYED) {
            return "relayed to a system that does not send delivery notifications" + status + ".";
        }
        if (r.action() == Action.EXPANDED) {
            return "delivered to a list or alias, which passed it on" + status + ".";
        }
        return "delivered to the mailbox" + status + ".";
    }
}
