/**
 * What the public web pages keep in the database beyond lists and archives: the rate-limit windows of the
 * public subscribe and unsubscribe forms ({@code web_rate_limit}), read and written with native statements
 * so that one counter update is one atomic upsert.
 */
package dev.quire.db.web;
