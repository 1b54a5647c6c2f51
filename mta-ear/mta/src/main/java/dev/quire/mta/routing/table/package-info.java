/**
 * The routing tables admins edit as text files under the configuration directory: per-domain alias files
 * (aliases(5) syntax), alias domains, relay domains, transport, legacy list domains and qmail-style client
 * access rules. Every table is a {@link dev.quire.mta.routing.table.LookupTable}, so a database table can
 * stand behind the same interface; files are re-read when their mtime or size changes, and a file that does
 * not parse keeps the previous good content. {@link dev.quire.mta.routing.table.AliasResolver} expands an
 * address through aliases recursively with loop, depth and fan-out limits.
 * SECURITY: parses admin-edited files (trusted for what they name, including pipe commands, append paths and
 * include files, but parsed defensively and never executed here) and looks up client-supplied addresses and IP
 * literals, which are only ever compared, never used to build a file path unless they are a validated LDH
 * domain name, and never resolved through DNS.
 */
package dev.quire.mta.routing.table;
