/**
 * DMARC (RFC 7489) policy lookups for the authors of list posts: the TXT record at {@code _dmarc.<domain>},
 * else the nearest parent's (the DMARCbis tree walk instead of a public suffix list), answered from a static
 * table or from DNS with a configurable resolver, and cached.
 * SECURITY: parses DNS TXT answers for domains that posters choose; a record that does not parse is ignored.
 */
package dev.quire.lists.deliverability.dmarc;
