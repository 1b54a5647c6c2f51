package dev.quire.mta.scan;

/**
 * What clamd said about one message.
 *
 * @param infected whether a signature matched
 * @param name the signature's name (printable ASCII only), or null when clean
 */
public record VirusResult(boolean infected, String name) {
    static final VirusResult CLEAN = new VirusResult(false, null);
}
