/**
 * Archived posts: the raw message as distributed, its thread (In-Reply-To and References resolved to
 * the first message of the thread), and the extracted text that full-text search reads.
 */
package dev.quire.db.archive;
