/**
 * ARC (RFC 8617) sealing of outgoing list mail: the inbound authentication results this server found
 * (ARC-Authentication-Results), a signature over the message as it leaves (ARC-Message-Signature) and a
 * seal over the chain (ARC-Seal), all with the list domain's DKIM key. Only the first instance is written:
 * a post that arrives already carrying an ARC chain is not sealed again (validating a foreign chain is not
 * implemented), which receivers treat like an unsealed hop.
 * SECURITY: reads the Authentication-Results field that this server wrote itself, nothing else of the post.
 */
package dev.quire.lists.deliverability.arc;
