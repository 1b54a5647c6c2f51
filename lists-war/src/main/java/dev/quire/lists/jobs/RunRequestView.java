package dev.quire.lists.jobs;

/**
 * A run asked for: whichever node of the owning application picks it up records it with this request id.
 *
 * @param application the application that will run it
 */
public record RunRequestView(String job, String application, String request) {
}
