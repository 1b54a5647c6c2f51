/**
 * {@code quire dkim}: makes a list domain's DKIM signing key and prints the DNS TXT record that publishes
 * its public half, reading the same {@code quire.dkim.<domain>.*} keys as the list engine.
 */
package dev.quire.cli.dkim;
