package dev.quire.lists.deliverability.unsubscribe;

import java.time.Instant;

import dev.quire.mail.EmailAddress;

/**
 * What a valid one-click token asks for: take this address off this list.
 *
 * @param listId the RFC 2919 list identifier ({@code name.domain})
 * @param address the member's address
 * @param expires when the token stops working
 */
public record Unsubscription(String listId, EmailAddress address, Instant expires) {
}
