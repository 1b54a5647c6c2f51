package dev.quire.mail.smtp;

import dev.quire.mail.EmailAddress;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * The application's side of one mail transaction (SubEthaSMTP's shape). The engine calls {@code from} once,
 * {@code recipient} per RCPT, {@code data} at most once, and {@code done} always. A positive reply accepts; any other
 * reply is sent to the client as given. A RuntimeException becomes {@code 451 4.3.0}.
 */
public interface MessageHandler {

    /**
     * MAIL FROM.
     *
     * @param reversePath the sender, or null for the null sender {@code <>}
     * @param params ESMTP parameters, keys upper-cased, value "" for a keyword without {@code =}
     */
    Reply from(EmailAddress reversePath, Map<String, String> params);

    /**
     * RCPT TO. {@code <postmaster>} without a domain arrives as {@code postmaster@<server hostname>}.
     *
     * @param params ESMTP parameters, keys upper-cased, value "" for a keyword without {@code =}
     */
    Reply recipient(EmailAddress recipient, Map<String, String> params);

    /**
     * The message, dot-stuffing undone, CRLF line ends: every line including the last ends with CRLF, and the
     * terminating {@code "." CRLF} line is not included (an empty message is zero bytes). The handler must read it to
     * EOF. If the data broke a rule (bare CR or LF, a line over 1000 octets, over the size limit) the final read throws
     * {@link DataRejectedException} after the whole message was consumed, and the engine sends that reply whatever
     * this method returns. SMTP: return exactly one reply. LMTP: one reply per accepted recipient, in RCPT order.
     * Return 250 only once the message is durable.
     */
    List<Reply> data(InputStream message) throws IOException;

    /** The transaction finished (after data, RSET, HELO, QUIT or connection loss); release resources. */
    default void done() {
    }
}
