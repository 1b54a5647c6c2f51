package dev.quire.mta.scan;

/**
 * What spamd said about one message.
 *
 * @param score the message's score
 * @param threshold spamd's own required score (informational: {@link ScanPolicy} applies its own limits)
 * @param report the report as spamd sent it, length-bounded but not yet sanitized for a header field
 */
public record SpamResult(double score, double threshold, String report) {
}
