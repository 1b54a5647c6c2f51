/**
 * What the site admin's tools change across aggregates: domains, creating and deleting lists, the routing
 * tables held in the database (aliases, relay networks), and site users with their list roles. Read and
 * write through JPA; the MTA sees the routing changes after its routing cache's time to live.
 */
package dev.quire.db.site;
