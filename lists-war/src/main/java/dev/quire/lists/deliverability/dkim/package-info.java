/**
 * DKIM (RFC 6376) for outgoing list mail: one RSA key per list domain read from configuration, signatures
 * made with Apache James jDKIM (relaxed/relaxed, rsa-sha256) over the header fields that identify a list
 * post, including every List-* field, and verification of inbound signatures for the ARC results.
 * SECURITY: verification parses signature fields and DNS key records of untrusted posts; jDKIM does both.
 */
package dev.quire.lists.deliverability.dkim;
