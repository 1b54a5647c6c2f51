package dev.quire.mail.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.util.Collections;
import java.util.List;

/**
 * BDAT (RFC 3030 CHUNKING): {@code BDAT <size> [LAST]}. Once the syntax is valid the chunk's octets are always read,
 * whatever the answer, so the session stays in step. Chunks collect in a {@link ChunkedMessage}; at LAST the handler
 * reads the whole content as one stream and answers as for DATA (one reply per recipient for LMTP).
 */
final class BdatCommand implements Command {

    private static final System.Logger LOG = System.getLogger(BdatCommand.class.getName());
    private static final Reply SYNTAX = new Reply(501, "5.5.4", "Syntax: BDAT size [LAST]");

    @Override
    public void execute(String argument, Session session) throws IOException {
        String[] parts = argument.split(" ", -1);
        boolean last = parts.length == 2 && parts[1].equalsIgnoreCase("LAST");
        if (parts.length > 2 || (parts.length == 2 && !last) || parts[0].isEmpty() || parts[0].length() > 18
                || !parts[0].chars().allMatch(c -> c >= '0' && c <= '9')) {
            session.error(SYNTAX);
            return;
        }
        long size = Long.parseLong(parts[0]);
        if (!session.inTransaction() || session.acceptedRecipients() == 0) {
            ChunkedMessage.discard(session.input(), size);
            session.error(session.inTransaction()
                    ? new Reply(554, "5.5.1", "Error: no valid recipients")
                    : new Reply(503, "5.5.1", "Error: need MAIL command"));
            return;
        }
        ChunkedMessage chunks = session.chunks() != null ? session.chunks() : session.startChunks();
        if (!chunks.append(session.input(), size)) {
            session.endTransaction();
            session.reply(DotTerminatedInputStream.TOO_BIG);
        } else if (!last) {
            session.reply(Reply.ok("2.0.0", size + " octets received"));
        } else {
            deliver(session, chunks);
        }
    }

    private static void deliver(Session session, ChunkedMessage chunks) throws IOException {
        int count = session.isLmtp() ? session.acceptedRecipients() : 1;
        Reply violation = chunks.finish();
        List<Reply> answers = null;
        if (violation == null) {
            try (InputStream content = chunks.open()) {
                answers = session.handler().data(content);
            } catch (DataRejectedException e) {
                answers = Collections.nCopies(count, e.reply());
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "session " + session.sessionId() + ": message handler failed in data", e);
            }
        }
        List<Reply> replies = DataCommand.expected(session, violation, answers);
        session.endTransaction();
        for (Reply reply : replies) {
            session.reply(reply);
        }
    }
}
