/**
 * The content filter of the DATA phase: a clamd client for viruses, a spamd client for spam, and the
 * per-listener {@link dev.quire.mta.scan.ScanPolicy} that turns their answers into accept (with header fields to
 * prepend), reject or defer. A scanner that does not answer defers the MX listener's mail and lets submission
 * accept it marked unscanned.
 * SECURITY: touches untrusted message content (streamed to the scanners, never parsed here) and untrusted scanner
 * replies (status lines, scores, virus names and reports), which are length-bounded, strictly parsed and
 * sanitized before any of it reaches a header field or an SMTP reply.
 */
package dev.quire.mta.scan;
