package dev.quire.lists.lmtp;

import java.io.IOException;
import java.util.Set;

import dev.quire.db.list.ListAddress;
import dev.quire.db.list.MailingList;
import dev.quire.mail.EmailAddress;
import dev.quire.mail.smtp.Reply;

/**
 * What one kind of list address does with a message delivered to it: the posting address posts, the
 * {@code -request} address runs commands, {@code -bounces} scores bounces, and so on. Each
 * implementation is a CDI bean; the LMTP listener finds the one that serves an address's function and
 * answers 550 for functions nobody serves.
 */
public interface ListAddressHandler {
    /** The functions of a list address this handler serves. */
    Set<ListAddress.Function> functions();

    /**
     * Handles one delivery and returns the LMTP reply for this recipient. A transient failure (the
     * database, the MTA) is an exception, so the MTA retries; a decision about the message is a reply.
     *
     * @param list the list the address belongs to
     * @param address the address as parsed, with its VERP or token detail
     * @param sender the envelope sender; null for the null reverse-path
     * @param raw the message as received
     */
    Reply deliver(MailingList list, ListAddress address, EmailAddress sender, byte[] raw) throws IOException;
}
