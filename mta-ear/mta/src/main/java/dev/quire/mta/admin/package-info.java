/**
 * The MTA's admin REST API under {@code /mta/api}: {@code verify}, queue sizes and quiescent mode. Every call
 * needs the local admin token ({@code Authorization: Bearer}), which the MTA keeps in
 * {@code <data dir>/run/admin-token} (mode 0600) for the {@code quire} command on the same host.
 * SECURITY: parses request parameters from HTTP clients; a request without the token is refused before any
 * resource runs, and token comparison is constant-time.
 */
package dev.quire.mta.admin;
