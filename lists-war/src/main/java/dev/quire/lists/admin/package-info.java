/**
 * The services behind the web admin and the REST API that need nothing from the list engine's workflows:
 * the domains, the lists a caller may manage, a list's overview and its settings. Every method takes the
 * caller's account and asks {@link dev.quire.lists.security.ListRights} first; each owns its transaction.
 */
package dev.quire.lists.admin;
