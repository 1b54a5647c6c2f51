/**
 * Configuration of the launcher: the {@code quire.*} keys resolved from defaults, a properties file, {@code QUIRE_*}
 * environment variables and JVM system properties, in that order of precedence. Also the private files the
 * launcher writes (mode 0600), such as the system-properties file handed to Payara Micro. The inputs are the
 * operator's own files and environment; values are passed on, never evaluated.
 */
package dev.quire.cli.config;
