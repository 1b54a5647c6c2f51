/**
 * Full-text search of list archives with MariaDB's InnoDB FULLTEXT index over the subject and the text the
 * archiver extracts (ADR 0052): {@link dev.quire.lists.archive.search.SearchQuery} turns a visitor's words
 * into a boolean-mode query; the statement itself is {@code ArchiveIndexRepository.SEARCH}.
 * SECURITY: reads search boxes from anyone on the internet; only letters, digits, quotes and the operators
 * it writes itself reach the query, always as a bound parameter.
 */
package dev.quire.lists.archive.search;
