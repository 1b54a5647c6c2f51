/**
 * The valid-address file for upstream relays (enumaddresses): every address this MTA accepts mail for, gathered
 * from the same tables the router reads (domains, mailboxes, lists and their suffixes in the database; alias
 * files, alias domains and legacy list domains under the config directory; aliases in the database) and kept only
 * when the {@link dev.quire.mta.routing.Router} accepts it the way RCPT does, so the file and RCPT validation
 * cannot disagree. The file is written sorted and atomically, replaced only when its content changes, with a
 * checksum beside it; rsync or the admin API serve it. SECURITY: reads only local tables, which admins write;
 * writes only under the configured output directory.
 */
package dev.quire.mta.enumerate;
