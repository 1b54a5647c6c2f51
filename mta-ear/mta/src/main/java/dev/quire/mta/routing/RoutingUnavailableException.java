package dev.quire.mta.routing;

/** The routing tables could not be read (the database did not answer): the caller must defer, never reject. */
public class RoutingUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    public RoutingUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
