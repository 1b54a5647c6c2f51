/**
 * List archives on the web: months, threads, posts (HTML parts sanitized with jsoup, remote content never
 * loaded, attachments always downloaded), search and mbox download, each behind the list's archive policy
 * (public, private to members, none). The storage is {@code dev.quire.lists.archive}.
 * SECURITY: renders posts from anyone who could mail the list; text is escaped by the templates and HTML
 * goes through {@link dev.quire.lists.archive.web.HtmlSanitizer}.
 */
package dev.quire.lists.archive.web;
