/**
 * The mailing-list aggregate: lists, their members with roles, held posts, and {@link
 * dev.quire.db.list.ListAddress}, the one place that knows which local parts (post, -bounces, -owner,
 * -request, ...) belong to a list, so the MTA's router and the list engine can never disagree.
 */
package dev.quire.db.list;
