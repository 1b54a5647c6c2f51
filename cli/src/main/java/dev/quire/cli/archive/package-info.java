/**
 * {@code quire archive}: a list's archive out as an mbox file and an mbox file (a Mailman 2 archive) in, through
 * the list engine's REST API on this host, authenticated with the site admin's API token that the first start
 * keeps in {@code <data dir>/run/api-token} (or {@code QUIRE_API_TOKEN}).
 */
package dev.quire.cli.archive;
