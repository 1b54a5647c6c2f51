/**
 * Routing tables held in the database, for sites that edit them from the web admin: aliases (targets in
 * aliases(5) syntax), relay domains and relay networks. The MTA reads them, read only, beside the text
 * tables of the same kind under its config directory; both count.
 */
package dev.quire.db.routing;
