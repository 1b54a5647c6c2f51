package dev.quire.lists.command;

import dev.quire.db.list.MailingList;
import dev.quire.lists.message.Sender;

/**
 * What a command runs with.
 *
 * @param list the list whose address received the commands
 * @param sender who sent them: the only address commands act for without confirmation
 * @param raw the message as received (a confirmation passes it on to the flow it resumes)
 */
public record CommandContext(MailingList list, Sender sender, byte[] raw) {
}
