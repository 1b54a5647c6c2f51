/**
 * Direct delivery to a domain's mail exchangers (RFC 5321 section 5.1): a resolver turns a domain into its MX
 * hosts in the order to try them, from DNS or from a static table, and the MX agent walks that list until one
 * host answers the mail transaction.
 * SECURITY: parses DNS answers (through dnsjava) from the configured or system resolvers, which are untrusted
 * and unauthenticated (no DNSSEC); reads the static MX table, a file the administrator writes.
 */
package dev.quire.mta.delivery.mx;
