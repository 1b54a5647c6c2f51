package dev.quire.lists.pending;

import java.io.IOException;

import dev.quire.db.pending.PendingRequest;
import dev.quire.mail.EmailAddress;

/**
 * One kind of multi-step flow (a subscription, an unsubscription, a held post moderated by email). Each
 * is a CDI bean; whatever receives a token (the {@code -confirm+TOKEN} address, a {@code confirm TOKEN}
 * command, a web link) finds the request, then the flow of its {@link PendingRequest#kind()}, and
 * resumes it.
 */
public interface PendingFlow {
    /** The {@code kind} this flow writes on its pending requests, e.g. {@code SUBSCRIBE}. */
    String kind();

    /**
     * Resumes a request with a confirmation from {@code by}, called inside the transaction that holds
     * the request locked. Returns a one-line outcome for the person who confirmed.
     *
     * @param request the request, unexpired
     * @param by who confirmed: the envelope or From address of the reply, or null from the web
     * @param reply the confirming message, or null from the web
     */
    String resume(PendingRequest request, EmailAddress by, byte[] reply) throws IOException;
}
