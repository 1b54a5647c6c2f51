/**
 * The MTA's configuration, read once through MicroProfile Config from system properties, {@code QUIRE_*}
 * environment variables or {@code quire.properties}. Every key is documented in docs/configuration.md.
 * SECURITY: reads only operator-supplied configuration.
 */
package dev.quire.mta.config;
