/**
 * Membership synchronisation with Sympa's semantics: each roster (a list's members, owners or moderators) may
 * have several sources (an SQL query on a named external database, a CSV file, a plain file of addresses). A sync
 * adds what the sources return, never touches members' own options, and removes only members that no source
 * returned and that nobody subscribed by hand, and only when every source was read; a synced member who left is
 * excluded until an owner re-adds them. The safety valve holds a run that would remove too much until someone
 * confirms it. SECURITY: reads files and query results that other systems generate; every address is parsed
 * and an invalid one is reported with its source and line, never guessed at.
 */
package dev.quire.cron.sync;
