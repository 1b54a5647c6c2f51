/**
 * The MTA's durable queue on local disk. A message is two files: the raw RFC 5322 text under
 * {@code messages/}, written once, and a JSON envelope that moves between queue directories
 * ({@code incoming}, {@code active}, {@code deferred}, {@code hold}, {@code corrupt}). Every file is
 * written to {@code tmp/}, fsynced and renamed into place, so a queue entry is visible only when complete;
 * a rename claims it; {@link dev.quire.mta.spool.Spool#recover()} returns claimed entries at start.
 * SECURITY: stores untrusted message bytes verbatim and never interprets them; envelopes are JSON, never
 * Java serialization.
 */
package dev.quire.mta.spool;
