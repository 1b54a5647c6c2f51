/**
 * Email commands: what a member sends to {@code list-request@} (and the {@code -join}/{@code -leave}
 * addresses, which stand for one command), one class per command, each reply summarising every line
 * read. SECURITY: reads untrusted message text; commands act only for the sender, anything for another
 * address needs that address's confirmation, and automated mail is neither obeyed nor answered.
 */
package dev.quire.lists.command;
