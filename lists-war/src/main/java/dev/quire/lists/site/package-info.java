/**
 * The site admin's tools, one service per feature behind both the REST API and the web pages: domains,
 * creating lists from a style and deleting them, the routing tables held in the database (aliases, relay
 * networks), the MTA's queue and verify (through the MTA's admin API and its local admin token), health,
 * and site users with their list roles. Every method checks that the caller is a site admin first, validates
 * all input before it changes anything, and refuses with a {@link dev.quire.lists.site.SiteRefusal}.
 */
package dev.quire.lists.site;
