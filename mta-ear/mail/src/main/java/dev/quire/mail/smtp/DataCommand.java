package dev.quire.mail.smtp;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * DATA: streams the message to the handler through a {@link DotTerminatedInputStream} and sends one reply (SMTP) or
 * one per accepted recipient (LMTP). A rule broken by the data overrides whatever the handler answered.
 */
final class DataCommand implements Command {

    private static final System.Logger LOG = System.getLogger(DataCommand.class.getName());

    @Override
    public void execute(String argument, Session session) throws IOException {
        if (!argument.isEmpty()) {
            session.error(new Reply(501, "5.5.4", "Syntax: DATA"));
            return;
        }
        if (!session.inTransaction()) {
            session.error(new Reply(503, "5.5.1", "Error: need MAIL command"));
            return;
        }
        if (session.chunks() != null) {
            session.error(new Reply(503, "5.5.1", "Error: DATA not allowed after BDAT"));
            return;
        }
        if (session.acceptedRecipients() == 0) {
            session.reply(new Reply(554, "5.5.1", "Error: no valid recipients"));
            return;
        }
        session.reply(new Reply(354, null, "End data with <CR><LF>.<CR><LF>"));
        session.flush();
        DotTerminatedInputStream message = new DotTerminatedInputStream(session.input(),
                session.config().maxMessageSize());
        List<Reply> answers = null;
        try {
            answers = session.handler().data(message);
        } catch (DataRejectedException e) {
            answers = Collections.nCopies(session.isLmtp() ? session.acceptedRecipients() : 1, e.reply());
        } catch (IOException | RuntimeException e) {
            if (message.failure() != null) {
                throw message.failure(); // connection lost or timed out: no reply, the session ends
            }
            LOG.log(Level.WARNING, "session " + session.sessionId() + ": message handler failed in data", e);
        }
        message.drain();
        List<Reply> replies = expected(session, message.violation(), answers);
        session.endTransaction();
        for (Reply reply : replies) {
            session.reply(reply);
        }
    }

    /** Exactly one reply for SMTP, one per accepted recipient for LMTP. */
    static List<Reply> expected(Session session, Reply violation, List<Reply> answers) {
        int count = session.isLmtp() ? session.acceptedRecipients() : 1;
        if (violation != null) {
            return Collections.nCopies(count, violation);
        }
        if (answers != null && answers.size() != count) {
            LOG.log(Level.WARNING, "session {0}: message handler returned {1} replies for {2} expected",
                    session.sessionId(), answers.size(), count);
        }
        List<Reply> replies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Reply answer = answers != null && i < answers.size() ? answers.get(i) : null;
            replies.add(answer != null ? answer : Session.LOCAL_ERROR);
        }
        return replies;
    }
}
