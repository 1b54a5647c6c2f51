package dev.quire.cron.sync;

import dev.quire.mail.EmailAddress;

/**
 * One address a source returned.
 *
 * @param name the display name, or null
 * @param line the line (file) or row (query) it came from, from 1
 */
public record SourceEntry(EmailAddress address, String name, long line) {
}
