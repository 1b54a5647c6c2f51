/**
 * RFC 8058 one-click unsubscribe: stateless tokens (list, address and expiry under an HMAC with a site
 * secret) that go into each recipient's List-Unsubscribe URL, and the verifier the web endpoint calls when a
 * mailbox provider POSTs {@code List-Unsubscribe=One-Click}.
 * SECURITY: {@link dev.quire.lists.deliverability.unsubscribe.OneClickTokens#verify} parses tokens from
 * anyone on the internet; the MAC is checked in constant time before any field is believed.
 */
package dev.quire.lists.deliverability.unsubscribe;
